namespace Spatial.Security.Tests;

/// <summary>
/// Fake credentials for seeding scans. Assembled at run time so that no file of the repository holds one: the
/// repository's own scans must stay clean.
/// </summary>
internal static class FakeSecrets
{
    private const string Dashes = "-----";

    /// <summary>A PEM-shaped RSA private key with a random body (not a real key).</summary>
    public static string PrivateKey()
    {
        var body = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(96));
        return $"{Dashes}BEGIN RSA PRIVATE KEY{Dashes}\n{body[..64]}\n{body[64..]}\n{Dashes}END RSA PRIVATE KEY{Dashes}\n";
    }

    /// <summary>An AWS access key id in the documented example's shape.</summary>
    public static string AwsAccessKeyId() => "AKIA" + "IOSFODNN7EXAMPLE";
}
