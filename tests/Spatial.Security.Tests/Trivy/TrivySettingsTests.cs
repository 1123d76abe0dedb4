using Spatial.Security.Findings;
using Spatial.Security.Trivy;

namespace Spatial.Security.Tests.Trivy;

public class TrivySettingsTests
{
    [Test]
    public void An_image_scan_reads_the_archive_offline_with_every_option()
    {
        var settings = new TrivySettings(TrivyCommand.Image, "/tmp/classifier.tar")
        {
            Scanners = [TrivyScanner.Secret, TrivyScanner.Misconfiguration],
            Severities = [Severity.High, Severity.Critical],
            IgnoreUnfixed = true,
            IgnoreFile = ".trivyignore",
            CacheDirectory = "/cache/trivy",
            SkipDbUpdate = true,
            SkipChecksUpdate = true,
            OfflineScan = true,
            Timeout = TimeSpan.FromSeconds(90),
            OutputFile = "/tmp/report.json",
        };

        Assert.That(settings.Arguments(), Is.EqualTo(new[]
        {
            "image", "--quiet", "--format", "json", "--timeout", "90s", "--output", "/tmp/report.json",
            "--scanners", "secret,misconfig", "--severity", "HIGH,CRITICAL", "--ignore-unfixed", "--ignorefile", ".trivyignore",
            "--cache-dir", "/cache/trivy", "--skip-db-update", "--skip-check-update", "--offline-scan", "--input", "/tmp/classifier.tar",
        }));
    }

    [Test]
    public void Older_Trivy_builds_get_their_own_spellings()
    {
        var settings = new TrivySettings(TrivyCommand.Filesystem, "/repo") { Scanners = [TrivyScanner.Misconfiguration, TrivyScanner.Vulnerability], SkipChecksUpdate = true };

        Assert.That(settings.Arguments(new TrivyDialect("config", "--skip-policy-update")), Is.EqualTo(new[]
        {
            "fs", "--quiet", "--format", "json", "--timeout", "300s", "--scanners", "config,vuln", "--skip-policy-update", "/repo",
        }));
    }

    [TestCase("--scanners strings  (vuln,misconfig,secret,license)\n  --skip-check-update  skip fetching checks", "misconfig", "--skip-check-update")]
    [TestCase("--scanners strings  (vuln,config,secret,license)\n  --skip-policy-update  skip fetching rego policy updates", "config", "--skip-policy-update")]
    [TestCase("--scanners strings  (vuln,config,secret)", "config", null)]
    public void The_dialect_is_read_from_Trivys_help(string help, string scanner, string? flag) =>
        Assert.That(TrivyDialect.FromHelp(help), Is.EqualTo(new TrivyDialect(scanner, flag)));

    [Test]
    public void A_filesystem_scan_names_the_folder_last_and_skips_folders()
    {
        var settings = new TrivySettings(TrivyCommand.Filesystem, "/repo") { Format = "cyclonedx", SkipDirectories = [".git", "**/bin"] };

        Assert.That(settings.Arguments(), Is.EqualTo(new[]
        {
            "fs", "--quiet", "--format", "cyclonedx", "--timeout", "300s", "--skip-dirs", ".git", "--skip-dirs", "**/bin", "/repo",
        }));
    }

    [Test]
    public void A_config_scan_takes_no_scanners()
    {
        var settings = new TrivySettings(TrivyCommand.Config, "docker") { Scanners = [TrivyScanner.Secret] };

        Assert.That(settings.Arguments(), Is.EqualTo(new[] { "config", "--quiet", "--format", "json", "--timeout", "300s", "docker" }));
    }
}
