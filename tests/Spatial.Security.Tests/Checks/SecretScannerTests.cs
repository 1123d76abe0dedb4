using Spatial.Security.Checks;
using Spatial.Security.Findings;

namespace Spatial.Security.Tests.Checks;

public class SecretScannerTests : FolderTest
{
    [Test]
    public void A_planted_private_key_is_found_with_file_line_and_rule()
    {
        Write("models/notes.txt", "model notes\n");
        Write("docker/service/deploy.pem", "# deploy key\n" + FakeSecrets.PrivateKey());

        var findings = SecretScanner.ScanFiles(Root, ["models/notes.txt", "docker/service/deploy.pem"]);

        Assert.That(findings.Select(f => (f.Kind, f.RuleId, f.Severity, f.Location)), Is.EqualTo(new[]
        {
            (FindingKind.Secret, "private-key", Severity.High, "docker/service/deploy.pem:2"),
        }));
    }

    [TestCase("export AWS_ACCESS_KEY_ID={0}", "aws-access-key-id")]
    [TestCase("DB_PASSWORD=hunter2hunter2", "password-assignment")]
    public void Credentials_in_text_are_found(string template, string rule)
    {
        var findings = SecretScanner.ScanText(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, FakeSecrets.AwsAccessKeyId()), "env").ToList();
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { rule }));
    }

    [TestCase("DB_PASSWORD=${DB_PASSWORD}")]
    [TestCase("DB_PASSWORD=")]
    [TestCase("Spatial__Server__Port=8080")]
    [TestCase("-----BEGIN RSA PRIVATE KEY----- is the header a PEM file starts with")]
    public void References_empty_values_and_prose_are_not_secrets(string text) =>
        Assert.That(SecretScanner.ScanText(text, "env"), Is.Empty);

    [Test]
    public void Binary_and_oversized_files_are_passed_over()
    {
        var key = System.Text.Encoding.UTF8.GetBytes(FakeSecrets.PrivateKey());
        File.WriteAllBytes(Path.Combine(Root, "weights.bin"), [0, .. key]);
        File.WriteAllText(Path.Combine(Root, "big.txt"), FakeSecrets.PrivateKey() + new string('x', (int)SecretScanner.MaxFileBytes));

        Assert.That(SecretScanner.ScanFiles(Root, ["weights.bin", "big.txt", "missing.txt"]), Is.Empty);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
