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
            Scanners = ["secret", "misconfig"],
            Severities = [Severity.High, Severity.Critical],
            IgnoreUnfixed = true,
            IgnoreFile = ".trivyignore",
            CacheDirectory = "/cache/trivy",
            SkipDbUpdate = true,
            OfflineScan = true,
            Timeout = TimeSpan.FromSeconds(90),
            OutputFile = "/tmp/report.json",
        };

        Assert.That(settings.Arguments(), Is.EqualTo(new[]
        {
            "image", "--quiet", "--format", "json", "--timeout", "90s", "--output", "/tmp/report.json",
            "--scanners", "secret,misconfig", "--severity", "HIGH,CRITICAL", "--ignore-unfixed", "--ignorefile", ".trivyignore",
            "--cache-dir", "/cache/trivy", "--skip-db-update", "--offline-scan", "--input", "/tmp/classifier.tar",
        }));
    }

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
        var settings = new TrivySettings(TrivyCommand.Config, "docker") { Scanners = ["secret"] };

        Assert.That(settings.Arguments(), Is.EqualTo(new[] { "config", "--quiet", "--format", "json", "--timeout", "300s", "docker" }));
    }
}
