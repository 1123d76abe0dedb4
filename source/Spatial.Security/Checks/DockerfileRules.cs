using System.Text.RegularExpressions;
using Spatial.Security.Findings;

namespace Spatial.Security.Checks;

/// <summary>Built-in Dockerfile rules: no ADD from URLs, no <c>latest</c> or untagged bases, bases pinned by digest where the policy asks.</summary>
public static partial class DockerfileRules
{
    /// <summary>Checks one Dockerfile's text; <paramref name="target"/> names it in the findings.</summary>
    public static IReadOnlyList<Finding> Check(string text, string target, bool requireDigest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            var instruction = parts[0].ToUpperInvariant();
            var rest = parts.Length > 1 ? parts[1] : "";
            switch (instruction)
            {
                case "ARG" when rest.Split('=', 2) is [var name, var value]:
                    arguments[name.Trim()] = value.Trim().Trim('"');
                    break;
                case "FROM":
                    findings.AddRange(CheckBase(rest, arguments, stages, target, i + 1, requireDigest));
                    break;
                case "ADD" when Url().IsMatch(rest):
                    findings.Add(Problem("dockerfile-add-url", Severity.High, "ADD from a URL", target, i + 1,
                        "ADD downloads from a URL without a checksum: fetch in a build stage and verify, or COPY a vendored file"));
                    break;
            }
        }

        return findings;
    }

    private static IEnumerable<Finding> CheckBase(string rest, Dictionary<string, string> arguments, HashSet<string> stages, string target, int line, bool requireDigest)
    {
        var words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words.Count == 0)
            yield break;
        if (words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
            stages.Add(words[2]);
        // FROM ${RUNTIME_BASE}: the default the ARG declares is what a plain build uses.
        var image = Variable().Replace(words[0], m => arguments.GetValueOrDefault(m.Groups["name"].Value, m.Value));
        if (stages.Contains(image) || image == "scratch")
            yield break;
        var digest = image.Contains("@sha256:", StringComparison.Ordinal);
        var name = image.Split('@')[0];
        var lastSegment = name[(name.LastIndexOf('/') + 1)..];
        var tag = lastSegment.Contains(':', StringComparison.Ordinal) ? lastSegment[(lastSegment.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
        if (!digest && (tag is null || tag == "latest"))
            yield return Problem("dockerfile-latest-tag", Severity.High, "Base image tagged latest or not tagged", target, line,
                $"FROM {image}: name a release tag (and, for production, a digest)");
        if (requireDigest && !digest)
            yield return Problem("dockerfile-unpinned-base", Severity.High, "Base image not pinned by digest", target, line,
                $"FROM {image} is not pinned by digest: append @sha256:<digest> so the base cannot change under the same tag");
    }

    private static Finding Problem(string id, Severity severity, string title, string target, int line, string message) =>
        new(SecretScanner.Tool, FindingKind.Misconfiguration, id, severity, title, target, message) { Line = line };

    [GeneratedRegex(@"(^|\s)(https?|ftp)://", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex Variable();
}
