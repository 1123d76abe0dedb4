namespace Spatial.Build.Logging;

/// <summary>Replaces every secret value with <c>*****</c>.</summary>
internal sealed class SecretMask
{
    public const string Mask = "*****";

    private string[] _secrets = [];

    public static SecretMask None { get; } = new();

    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || _secrets.Contains(secret, StringComparer.Ordinal))
            return;
        // Longest first so a secret containing another is masked whole.
        _secrets = [.. _secrets.Append(secret).OrderByDescending(x => x.Length)];
    }

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
