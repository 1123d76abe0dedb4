using Spatial.Security.Audit;
using Spatial.Security.Findings;

namespace Spatial.Security.Tests.Audit;

public class NuGetAuditTests
{
    [Test]
    public void Reads_top_level_and_transitive_vulnerable_packages_with_their_advisories()
    {
        var findings = NuGetAudit.Parse(Fixture.Text("nuget-vulnerable.json"), "nuget-vulnerable.json");

        Assert.That(findings.Select(f => (f.RuleId, f.Severity, f.Target, f.Package, f.InstalledVersion)), Is.EqualTo(new[]
        {
            ("GHSA-5crp-9r3c-p9vr", Severity.High, "Vulnerable.csproj", "Newtonsoft.Json", "12.0.1"),
            ("GHSA-7jgj-8wvc-jh57", Severity.High, "Vulnerable.csproj", "System.Net.Http", "4.3.0"),
        }));
        Assert.That(findings, Has.All.Matches<Finding>(f => f.Kind == FindingKind.Vulnerability && f.Tool == "nuget-audit"));
        Assert.That(findings[0].HelpUri, Is.EqualTo(new Uri("https://github.com/advisories/GHSA-5crp-9r3c-p9vr")));
    }

    [Test]
    public void A_clean_solution_has_no_findings() =>
        Assert.That(NuGetAudit.Parse("""{"version": 1, "projects": [{"path": "/src/A.csproj", "frameworks": [{"framework": "net10.0", "topLevelPackages": []}]}]}""", "x"), Is.Empty);

    [TestCase("not json", "out.json: dotnet list package did not write JSON: ")]
    [TestCase("{\"version\": 1}", "out.json: dotnet list package wrote no 'projects'")]
    public void Output_that_is_not_the_audit_fails_naming_it(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => NuGetAudit.Parse(text, "out.json"));
        Assert.That(error!.Message, Does.StartWith(message));
    }
}
