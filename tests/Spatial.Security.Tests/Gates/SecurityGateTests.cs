using Spatial.Security.Findings;
using Spatial.Security.Gates;

namespace Spatial.Security.Tests.Gates;

public class SecurityGateTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Test]
    public void Standard_fails_on_critical_vulnerabilities_high_misconfigurations_and_any_secret_and_reports_the_rest()
    {
        var critical = Vulnerability("CVE-1", Severity.Critical);
        var high = Vulnerability("CVE-2", Severity.High);
        var highMisconfiguration = Misconfiguration("DS002", Severity.High);
        var lowMisconfiguration = Misconfiguration("DS026", Severity.Low);
        var lowSecret = Secret("password-assignment", Severity.Low);

        var result = SecurityGate.Evaluate([Scan(critical, high, highMisconfiguration, lowMisconfiguration, lowSecret)], SecurityPolicy.Standard, [], Today);

        Assert.That(result.Blocking, Is.EqualTo(new[] { critical, highMisconfiguration, lowSecret }));
        Assert.That(result.AllFindings.Count(), Is.EqualTo(5), "everything is reported");
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void Strict_fails_on_high_vulnerabilities_and_lenient_only_on_secrets()
    {
        var high = Vulnerability("CVE-2", Severity.High);
        var misconfiguration = Misconfiguration("DS002", Severity.Critical);
        var secret = Secret("private-key", Severity.High);

        Assert.That(SecurityGate.Evaluate([Scan(high)], SecurityPolicy.Strict with { RequiredScans = [] }, [], Today).Blocking, Is.EqualTo(new[] { high }));
        Assert.That(SecurityGate.Evaluate([Scan(high, misconfiguration, secret)], SecurityPolicy.Lenient, [], Today).Blocking, Is.EqualTo(new[] { secret }));
    }

    [Test]
    public void An_active_ignore_entry_suppresses_and_an_expired_one_stops_suppressing_and_is_reported()
    {
        var accepted = Vulnerability("CVE-1", Severity.Critical);
        var stale = Vulnerability("CVE-2", Severity.Critical);
        IgnoreEntry active = new("CVE-1", Today, "no fix upstream; not reachable from the service", 1);
        IgnoreEntry expired = new("cve-2", Today.AddDays(-1), "was waiting for 3.0.16", 2);

        var result = SecurityGate.Evaluate([Scan(accepted, stale)], SecurityPolicy.Standard, [active, expired], Today);

        Assert.That(result.Blocking, Is.EqualTo(new[] { stale }));
        Assert.That(result.Suppressed, Is.EqualTo(new[] { new SuppressedFinding(accepted, active) }));
        Assert.That(result.ExpiredIgnores, Is.EqualTo(new[] { expired }));
    }

    [Test]
    public void A_required_scan_that_did_not_run_fails_with_its_reason_and_an_optional_one_does_not()
    {
        ScanStatus[] scans =
        [
            ScanStatus.NotRun(ScanNames.Vulnerabilities, "trivy", "no Trivy database offline"),
            ScanStatus.NotRun(ScanNames.ImageSecrets, "trivy", "no image: process host"),
            ScanStatus.Completed(ScanNames.ImageConfiguration, "spatial-checks", []),
            ScanStatus.Completed(ScanNames.NuGetAudit, "nuget-audit", []),
        ];

        var strict = SecurityGate.Evaluate(scans, SecurityPolicy.Strict, [], Today);
        var standard = SecurityGate.Evaluate(scans, SecurityPolicy.Standard, [], Today);

        Assert.That(strict.MissingScans, Is.EqualTo(new[]
        {
            new MissingScan("vulnerabilities", "no Trivy database offline"),
            new MissingScan("image secrets", "no image: process host"),
        }));
        Assert.That(strict.Passed, Is.False);
        Assert.That(standard.Passed, Is.True);
    }

    private static ScanStatus Scan(params Finding[] findings) => ScanStatus.Completed("test", "test", findings);

    private static Finding Vulnerability(string id, Severity severity) => new("trivy", FindingKind.Vulnerability, id, severity, id, "image", id);

    private static Finding Misconfiguration(string id, Severity severity) => new("trivy", FindingKind.Misconfiguration, id, severity, id, "Dockerfile", id);

    private static Finding Secret(string id, Severity severity) => new("trivy", FindingKind.Secret, id, severity, id, "file", id);
}
