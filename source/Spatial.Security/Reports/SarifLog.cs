using System.Text.Json;
using System.Text.Json.Nodes;
using Spatial.Security.Findings;

namespace Spatial.Security.Reports;

/// <summary>Writes findings as SARIF 2.1.0, one run per tool, for GitHub code scanning.</summary>
public static class SarifLog
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema the log names.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The log as JSON text. <paramref name="tools"/> are every tool that ran, so a tool with no findings still has its (empty) run.</summary>
    public static string Render(IReadOnlyCollection<string> tools, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var byTool = findings.ToLookup(f => f.Tool);
        var runs = new JsonArray();
        foreach (var tool in tools.Concat(byTool.Select(g => g.Key)).Distinct())
            runs.Add(Run(tool, byTool[tool].ToList()));
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = Version,
            ["runs"] = runs,
        };
        return log.ToJsonString(Indented);
    }

    private static JsonObject Run(string tool, IReadOnlyList<Finding> findings)
    {
        var rules = findings.GroupBy(f => f.RuleId).Select(g => g.First()).ToList();
        var index = rules.Select((r, i) => (r.RuleId, i)).ToDictionary(x => x.RuleId, x => x.i);
        var ruleArray = new JsonArray();
        foreach (var rule in rules)
        {
            var descriptor = new JsonObject
            {
                ["id"] = rule.RuleId,
                ["name"] = rule.RuleId,
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title.Length > 0 ? rule.Title : rule.RuleId },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
                ["properties"] = new JsonObject
                {
                    // GitHub ranks security alerts by this number (CVSS-like, 0.0–10.0).
                    ["security-severity"] = SecuritySeverity(rule.Severity),
                    ["tags"] = new JsonArray("security", rule.Kind.ToString().ToLowerInvariant()),
                },
            };
            if (rule.HelpUri is { } help)
                descriptor["helpUri"] = help.AbsoluteUri;
            ruleArray.Add(descriptor);
        }

        var results = new JsonArray();
        foreach (var finding in findings)
        {
            var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = ArtifactUri(finding.Target) } };
            if (finding.Line is { } line)
                physical["region"] = new JsonObject { ["startLine"] = line };
            results.Add(new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["ruleIndex"] = index[finding.RuleId],
                ["level"] = Level(finding.Severity),
                ["message"] = new JsonObject { ["text"] = $"{finding.Severity.ToTrivyName()}: {finding.Message}" },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
            });
        }

        return new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = tool, ["rules"] = ruleArray } },
            ["results"] = results,
        };
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => "0.0",
    };

    // Files are repository-relative paths; image and project targets are escaped so the URI stays a valid reference.
    private static string ArtifactUri(string target) =>
        string.Join('/', target.Split('/').Select(Uri.EscapeDataString));
}
