using System.Diagnostics;
using Spatial.Security.Audit;
using Spatial.Security.Findings;

namespace Spatial.Security.Tests.Audit;

/// <summary>
/// The audit run for real: the fixture project restores Newtonsoft.Json 12.0.1 from the configured NuGet source, and
/// `dotnet list package --vulnerable` reads the advisory GHSA-5crp-9r3c-p9vr from an audit source on 127.0.0.1.
/// </summary>
[Category("NuGet")]
public class NuGetAuditRunTests
{
    // GitHub's published advisory for Newtonsoft.Json, as NuGet's vulnerability data records it (severity 2 = high).
    private const string Advisories = """{"newtonsoft.json": [{"severity": 2, "url": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr", "versions": "(, 13.0.1)"}]}""";

    private string _project = "";

    [SetUp]
    public void CopyFixture()
    {
        _project = Directory.CreateTempSubdirectory("spatial-nuget-audit-").FullName;
        foreach (var file in Directory.GetFiles(Fixture.Path("vulnerable-project")))
            File.Copy(file, Path.Combine(_project, Path.GetFileName(file)));
    }

    [TearDown]
    public void RemoveFixture() => Directory.Delete(_project, recursive: true);

    [Test]
    public async Task The_audit_reports_the_published_advisory_of_a_referenced_package_version()
    {
        using var feed = new AdvisoryFeed(Advisories);
        await File.WriteAllTextAsync(Path.Combine(_project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <auditSources>
                <clear />
                <add key="advisories" value="{feed.IndexUri}" allowInsecureConnections="true" />
              </auditSources>
            </configuration>
            """);
        Restore();

        var findings = await NuGetAudit.RunAsync(Path.Combine(_project, "Vulnerable.csproj"), TimeSpan.FromMinutes(3));

        Assert.That(findings.Select(f => (f.RuleId, f.Severity, f.Target, f.Package, f.InstalledVersion)), Is.EqualTo(new[]
        {
            ("GHSA-5crp-9r3c-p9vr", Severity.High, "Vulnerable.csproj", "Newtonsoft.Json", "12.0.1"),
        }));
    }

    private void Restore()
    {
        using var restore = Process.Start(new ProcessStartInfo("dotnet", ["restore", Path.Combine(_project, "Vulnerable.csproj")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = restore.StandardOutput.ReadToEndAsync();
        if (!restore.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            restore.Kill(entireProcessTree: true);
            Assert.Fail("dotnet restore of the fixture did not finish in 3 minutes");
        }

        Assert.That(restore.ExitCode, Is.EqualTo(0), output.Result);
    }
}
