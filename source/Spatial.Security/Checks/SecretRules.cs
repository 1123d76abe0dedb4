using System.Text.RegularExpressions;
using Spatial.Security.Findings;

namespace Spatial.Security.Checks;

/// <summary>One kind of credential and the pattern that finds it.</summary>
/// <param name="Id">Rule id, as Trivy names the same rule where it has one.</param>
/// <param name="Title">What it finds.</param>
/// <param name="Severity">How bad a hit is.</param>
/// <param name="Pattern">The pattern.</param>
public sealed record SecretRule(string Id, string Title, Severity Severity, Regex Pattern);

/// <summary>The built-in secret rules: the credentials a build context or an image must never carry.</summary>
public static partial class SecretRules
{
    /// <summary>Every rule, checked in this order.</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new("private-key", "Asymmetric Private Key", Severity.High, PrivateKey()),
        new("aws-access-key-id", "AWS Access Key ID", Severity.Critical, AwsAccessKeyId()),
        new("github-pat", "GitHub Personal Access Token", Severity.Critical, GitHubToken()),
        new("password-assignment", "Password assigned in plain text", Severity.High, PasswordAssignment()),
    ];

    /// <summary>Every rule that matches <paramref name="text"/>, with the 1-based line of the first match.</summary>
    public static IEnumerable<(SecretRule Rule, int Line)> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = false;
        foreach (var rule in All)
        {
            // The generic password rule is last: a credential a specific rule named is reported once.
            if (found && rule == All[^1])
                yield break;
            var match = rule.Pattern.Match(text);
            if (!match.Success)
                continue;
            found = true;
            yield return (rule, 1 + text.AsSpan(0, match.Index).Count('\n'));
        }
    }

    // A header alone is documentation; a key has a base64 body and a footer.
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9_-]*PRIVATE KEY( BLOCK)?-----\s*[A-Za-z0-9+/=\s\\:,-]{32,}?-----END[ A-Z0-9_-]*PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"\bgh[pousr]_[A-Za-z0-9]{36,}\b")]
    private static partial Regex GitHubToken();

    // PASSWORD=... with a literal value; references such as ${X}, $X or empty values are not secrets.
    [GeneratedRegex(@"(?im)\b[A-Z0-9_]*(PASSWORD|PASSWD|SECRET_KEY|API_KEY|TOKEN)\s*[=:]\s*[""']?(?![$<{]|\*{3})[^\s""']{8,}")]
    private static partial Regex PasswordAssignment();
}
