using System.Text.Json;
using Spatial.Security.Findings;

namespace Spatial.Security.Trivy;

/// <summary>A Trivy JSON report (SchemaVersion 2) read into typed findings.</summary>
/// <param name="ArtifactName">What Trivy scanned (the archive, the folder).</param>
/// <param name="Findings">Vulnerabilities, failed misconfigurations and secrets of every result.</param>
public sealed record TrivyReport(string ArtifactName, IReadOnlyList<Finding> Findings)
{
    /// <summary>The only schema version this reader knows.</summary>
    public const int SupportedSchemaVersion = 2;

    private const string Tool = "trivy";

    /// <summary>Reads a report; throws <see cref="TrivyReportException"/> naming <paramref name="source"/> when it is not one.</summary>
    public static TrivyReport Parse(string json, string source)
    {
        using (var document = JsonInput.Parse(json, e => new TrivyReportException($"{source} is not a Trivy JSON report: {e.Message}", e)))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("SchemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
                throw new TrivyReportException($"{source} is not a Trivy JSON report: no SchemaVersion");
            if (version.GetInt32() != SupportedSchemaVersion)
                throw new TrivyReportException($"{source} has SchemaVersion {version.GetInt32()}; only {SupportedSchemaVersion} is supported");
            var findings = new List<Finding>();
            if (root.TryGetProperty("Results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var result in results.EnumerateArray())
                    findings.AddRange(ReadResult(result));
            }

            return new TrivyReport(Text(root, "ArtifactName") ?? source, findings);
        }
    }

    /// <summary>Reads the report file at <paramref name="path"/>.</summary>
    public static TrivyReport Read(string path) => Parse(File.ReadAllText(path), path);

    private static IEnumerable<Finding> ReadResult(JsonElement result)
    {
        var target = Text(result, "Target") ?? "";
        foreach (var v in Items(result, "Vulnerabilities"))
        {
            var package = Text(v, "PkgName") ?? "";
            var installed = Text(v, "InstalledVersion") ?? "";
            var fixedVersion = Text(v, "FixedVersion") is { Length: > 0 } f ? f : null;
            yield return new Finding(Tool, FindingKind.Vulnerability, Text(v, "VulnerabilityID") ?? "unknown", SeverityNames.Parse(Text(v, "Severity")),
                Text(v, "Title") ?? Text(v, "VulnerabilityID") ?? "", target,
                $"{package} {installed}" + (fixedVersion is null ? " (no fix yet)" : $" (fixed in {fixedVersion})"))
            {
                Package = package,
                InstalledVersion = installed,
                FixedVersion = fixedVersion,
                HelpUri = Url(v, "PrimaryURL"),
            };
        }

        foreach (var m in Items(result, "Misconfigurations"))
        {
            // Trivy lists passed checks too when asked; only failures are findings.
            if (Text(m, "Status") is { } status && status != "FAIL")
                continue;
            int? line = m.TryGetProperty("CauseMetadata", out var cause) && cause.TryGetProperty("StartLine", out var start) && start.TryGetInt32(out var n) && n > 0 ? n : null;
            yield return new Finding(Tool, FindingKind.Misconfiguration, Text(m, "ID") ?? "unknown", SeverityNames.Parse(Text(m, "Severity")),
                Text(m, "Title") ?? "", target, Text(m, "Message") ?? Text(m, "Description") ?? "")
            {
                Line = line,
                HelpUri = Url(m, "PrimaryURL"),
            };
        }

        foreach (var s in Items(result, "Secrets"))
        {
            int? line = s.TryGetProperty("StartLine", out var start) && start.TryGetInt32(out var n) && n > 0 ? n : null;
            yield return new Finding(Tool, FindingKind.Secret, Text(s, "RuleID") ?? "unknown", SeverityNames.Parse(Text(s, "Severity")),
                Text(s, "Title") ?? "", target, $"{Text(s, "Title")} ({Text(s, "Category")}): {Text(s, "Match")}")
            {
                Line = line,
            };
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? Url(JsonElement element, string name) =>
        Text(element, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
