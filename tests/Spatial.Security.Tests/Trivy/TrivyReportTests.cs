using Spatial.Security.Findings;
using Spatial.Security.Trivy;

namespace Spatial.Security.Tests.Trivy;

public class TrivyReportTests
{
    [Test]
    public void Reads_every_severity_of_an_image_report_with_fixed_and_unfixed_versions()
    {
        var report = TrivyReport.Read(Fixture.Path("image-every-severity.json"));

        Assert.That(report.ArtifactName, Is.EqualTo("classifier.tar"));
        Assert.That(report.Findings.Select(f => (f.RuleId, f.Severity)), Is.EqualTo(new[]
        {
            ("CVE-2026-0001", Severity.Critical),
            ("CVE-2026-0002", Severity.High),
            ("CVE-2026-0003", Severity.Medium),
            ("CVE-2026-0004", Severity.Low),
            ("CVE-2026-0005", Severity.Unknown),
            ("GHSA-5crp-9r3c-p9vr", Severity.High),
        }));
        Assert.That(report.Findings, Has.All.Matches<Finding>(f => f.Kind == FindingKind.Vulnerability && f.Tool == "trivy"));
        var openssl = report.Findings[0];
        Assert.That((openssl.Package, openssl.InstalledVersion, openssl.FixedVersion), Is.EqualTo(("libssl3", "3.0.15-1", "3.0.16-1")));
        Assert.That(openssl.Target, Is.EqualTo("classifier.tar (debian 12.8)"));
        Assert.That(openssl.HelpUri, Is.EqualTo(new Uri("https://avd.aquasec.com/nvd/cve-2026-0001")));
        Assert.That(report.Findings[1].FixedVersion, Is.Null);
        Assert.That(report.Findings[1].Message, Is.EqualTo("libc6 2.36-9 (no fix yet)"));
        Assert.That(report.Findings[5].Target, Is.EqualTo("app/Spatial.Service.deps.json"));
    }

    [Test]
    public void Reads_failed_misconfigurations_with_their_line_and_leaves_out_passed_checks()
    {
        var report = TrivyReport.Read(Fixture.Path("config-dockerfile.json"));

        Assert.That(report.Findings.Select(f => (f.RuleId, f.Severity, f.Location)), Is.EqualTo(new[]
        {
            ("DS026", Severity.Low, "docker/base/Dockerfile"),
            ("DS002", Severity.High, "docker/base/Dockerfile:4"),
        }));
        Assert.That(report.Findings, Has.All.Matches<Finding>(f => f.Kind == FindingKind.Misconfiguration));
        Assert.That(report.Findings[0].Title, Is.EqualTo("No HEALTHCHECK defined"));
    }

    [Test]
    public void Reads_secrets_with_file_line_and_rule()
    {
        var report = TrivyReport.Read(Fixture.Path("secrets.json"));

        Assert.That(report.Findings.Select(f => (f.Kind, f.RuleId, f.Severity, f.Location)), Is.EqualTo(new[]
        {
            (FindingKind.Secret, "private-key", Severity.High, "deploy/keys/service.pem:1"),
            (FindingKind.Secret, "aws-access-key-id", Severity.Critical, "scripts/publish.sh:3"),
        }));
    }

    [Test]
    public void A_report_without_findings_has_none()
    {
        Assert.That(TrivyReport.Read(Fixture.Path("empty.json")).Findings, Is.Empty);
        Assert.That(TrivyReport.Parse("""{"SchemaVersion": 2, "ArtifactName": "x"}""", "inline").Findings, Is.Empty);
    }

    [TestCase("{\"SchemaVersion\": 2, \"Results\": [", "report.json is not a Trivy JSON report: ")]
    [TestCase("[]", "report.json is not a Trivy JSON report: no SchemaVersion")]
    [TestCase("{\"Results\": []}", "report.json is not a Trivy JSON report: no SchemaVersion")]
    [TestCase("{\"SchemaVersion\": 1, \"Results\": []}", "report.json has SchemaVersion 1; only 2 is supported")]
    public void Malformed_or_unknown_reports_fail_naming_the_file(string json, string message)
    {
        var error = Assert.Throws<TrivyReportException>(() => TrivyReport.Parse(json, "report.json"));
        Assert.That(error!.Message, Does.StartWith(message));
    }
}
