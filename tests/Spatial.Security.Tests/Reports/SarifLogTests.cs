using System.Text.Json.Nodes;
using Json.Schema;
using Spatial.Security.Findings;
using Spatial.Security.Reports;
using Spatial.Security.Trivy;

namespace Spatial.Security.Tests.Reports;

public class SarifLogTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Fixture.Schema("sarif-2.1.0.json")));

    [Test]
    public void The_log_of_every_kind_of_finding_is_valid_SARIF_2_1_0_with_one_run_per_tool()
    {
        var findings = TrivyReport.Read(Fixture.Path("image-every-severity.json")).Findings
            .Concat(TrivyReport.Read(Fixture.Path("config-dockerfile.json")).Findings)
            .Concat(TrivyReport.Read(Fixture.Path("secrets.json")).Findings)
            .Append(new Finding("spatial-checks", FindingKind.Misconfiguration, "image-root-user", Severity.High, "Image runs as root", "spatial/classifier:0.1.0-abcdef0", "USER is ''"))
            .ToList();

        var text = SarifLog.Render(["trivy", "spatial-checks", "nuget-audit"], findings);

        AssertValid(text);
        var log = JsonNode.Parse(text)!;
        Assert.That(log["version"]!.GetValue<string>(), Is.EqualTo("2.1.0"));
        var runs = log["runs"]!.AsArray();
        Assert.That(runs.Select(r => r!["tool"]!["driver"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "trivy", "spatial-checks", "nuget-audit" }));
        Assert.That(runs.Select(r => r!["results"]!.AsArray().Count), Is.EqualTo(new[] { 10, 1, 0 }));
        var dockerfile = runs[0]!["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "DS002")!;
        Assert.That(dockerfile["level"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(dockerfile["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), Is.EqualTo("docker/base/Dockerfile"));
        Assert.That(dockerfile["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>(), Is.EqualTo(4));
        var rule = runs[0]!["tool"]!["driver"]!["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "CVE-2026-0001")!;
        Assert.That(rule["properties"]!["security-severity"]!.GetValue<string>(), Is.EqualTo("9.5"));
    }

    [Test]
    public void An_empty_log_is_valid_SARIF() => AssertValid(SarifLog.Render(["trivy"], []));

    [Test]
    public void The_schema_rejects_a_log_that_is_not_SARIF()
    {
        var result = Schema.Value.Evaluate(JsonNode.Parse("""{"version": "2.0.0", "runs": [{}]}"""));
        Assert.That(result.IsValid, Is.False, "the validation must be able to fail");
    }

    private static void AssertValid(string text)
    {
        var result = Schema.Value.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.That(result.IsValid, Is.True, string.Join("\n", errors));
    }
}
