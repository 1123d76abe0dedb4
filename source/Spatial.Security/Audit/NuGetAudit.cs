using System.Text.Json;
using Spatial.Security.Findings;
using Spatial.Security.Trivy;

namespace Spatial.Security.Audit;

/// <summary>
/// The NuGet vulnerability audit: <c>dotnet list package --vulnerable --include-transitive --format json</c> against the
/// configured package sources, read into findings (one per package version and advisory).
/// </summary>
public static class NuGetAudit
{
    /// <summary>The tool name findings carry.</summary>
    public const string Tool = "nuget-audit";

    /// <summary>Runs the audit on a restored solution or project; throws <see cref="InvalidOperationException"/> with dotnet's output when it fails.</summary>
    public static async Task<IReadOnlyList<Finding>> RunAsync(string solutionOrProject, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var result = await ExternalProcess.RunAsync("dotnet", ["list", solutionOrProject, "package", "--vulnerable", "--include-transitive", "--format", "json"],
            Path.GetDirectoryName(Path.GetFullPath(solutionOrProject)), limit, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"dotnet list package --vulnerable exited with {result.ExitCode}: {result.Tail()}");
        return Parse(result.StandardOutput, solutionOrProject);
    }

    /// <summary>Reads the JSON output; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">The text is not dotnet's JSON output.</exception>
    public static IReadOnlyList<Finding> Parse(string json, string source)
    {
        using (var document = JsonInput.Parse(json, e => new FormatException($"{source}: dotnet list package did not write JSON: {e.Message}", e)))
        {
            var findings = new List<Finding>();
            if (!document.RootElement.TryGetProperty("projects", out var projects))
                throw new FormatException($"{source}: dotnet list package wrote no 'projects'");
            foreach (var project in projects.EnumerateArray())
            {
                var path = project.TryGetProperty("path", out var p) ? Path.GetFileName(p.GetString() ?? "") : "";
                if (!project.TryGetProperty("frameworks", out var frameworks))
                    continue;
                foreach (var framework in frameworks.EnumerateArray())
                {
                    foreach (var list in new[] { "topLevelPackages", "transitivePackages" })
                    {
                        if (!framework.TryGetProperty(list, out var packages))
                            continue;
                        foreach (var package in packages.EnumerateArray())
                            findings.AddRange(ReadPackage(package, path));
                    }
                }
            }

            // The same package version reached through several frameworks is one finding.
            return findings.DistinctBy(f => (f.Target, f.Package, f.InstalledVersion, f.RuleId)).ToList();
        }
    }

    private static IEnumerable<Finding> ReadPackage(JsonElement package, string project)
    {
        var id = package.GetProperty("id").GetString() ?? "";
        var version = package.TryGetProperty("resolvedVersion", out var v) ? v.GetString() ?? "" : "";
        if (!package.TryGetProperty("vulnerabilities", out var vulnerabilities))
            yield break;
        foreach (var vulnerability in vulnerabilities.EnumerateArray())
        {
            var url = vulnerability.TryGetProperty("advisoryurl", out var a) ? a.GetString() ?? "" : "";
            // GitHub advisories end in their id: https://github.com/advisories/GHSA-5crp-9r3c-p9vr
            var rule = url.Length > 0 ? url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..] : $"{id}@{version}";
            var severity = SeverityNames.Parse(vulnerability.TryGetProperty("severity", out var s) ? s.GetString() : null);
            yield return new Finding(Tool, FindingKind.Vulnerability, rule, severity, $"{id} {version} has a published advisory", project,
                $"{id} {version} ({severity.ToTrivyName()}): {url}")
            {
                Package = id,
                InstalledVersion = version,
                HelpUri = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
            };
        }
    }
}
