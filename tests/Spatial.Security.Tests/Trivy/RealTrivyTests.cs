using Spatial.Security.Findings;
using Spatial.Security.Trivy;

namespace Spatial.Security.Tests.Trivy;

/// <summary>The real Trivy binary, offline: what the wrapper reads from it is what Trivy really writes.</summary>
[Category("Trivy")]
public class RealTrivyTests : FolderTest
{
    [Test]
    public async Task Trivy_finds_a_seeded_private_key_and_aRoot_Dockerfile_offline()
    {
        var trivy = await TestTrivy.RequireAsync();
        var context = Directory.CreateDirectory(Path.Combine(Root, "context")).FullName;
        await File.WriteAllTextAsync(Path.Combine(context, "deploy.pem"), FakeSecrets.PrivateKey());
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "FROM debian:12\nUSER root\nHEALTHCHECK CMD true\n");
        var settings = new TrivySettings(TrivyCommand.Filesystem, context)
        {
            Scanners = [TrivyScanner.Secret, TrivyScanner.Misconfiguration],
            CacheDirectory = Path.Combine(Root, "cache"),
            SkipDbUpdate = true,
            SkipChecksUpdate = true,
            OfflineScan = true,
            Timeout = TimeSpan.FromMinutes(2),
        };

        var report = await trivy.ScanAsync(settings, Path.Combine(Root, "report.json"));

        Assert.That(report.Findings.Where(f => f.Kind == FindingKind.Secret).Select(f => (f.RuleId, f.Target, f.Line)),
            Is.EqualTo(new[] { ("private-key", "deploy.pem", (int?)1) }));
        Assert.That(report.Findings.Where(f => f.Kind == FindingKind.Misconfiguration).Select(f => (f.RuleId, f.Target, f.Severity)),
            Does.Contain(("DS-0002", "Dockerfile", Severity.High)).Or.Contain(("DS002", "Dockerfile", Severity.High)));
    }

    [Test]
    public async Task A_vulnerability_scan_without_a_database_fails_offline_with_Trivys_reason()
    {
        var trivy = await TestTrivy.RequireAsync();
        var settings = new TrivySettings(TrivyCommand.Filesystem, Root)
        {
            Scanners = [TrivyScanner.Vulnerability],
            CacheDirectory = Path.Combine(Root, "empty-cache"),
            SkipDbUpdate = true,
            OfflineScan = true,
            Timeout = TimeSpan.FromMinutes(1),
        };

        var error = Assert.ThrowsAsync<TrivyException>(() => trivy.ScanAsync(settings, Path.Combine(Root, "report.json")));

        Assert.That(error!.Message, Does.Contain("The first run cannot skip downloading DB"));
    }
}
