using Spatial.Security.Findings;

namespace Spatial.Security.Checks;

/// <summary>Finds credentials in files (a build context) and in text (image environment, labels, history).</summary>
public static class SecretScanner
{
    /// <summary>The tool name findings carry.</summary>
    public const string Tool = "spatial-checks";

    /// <summary>Files larger than this are not read (weights, runtimes): keys and tokens live in small text files.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Scans <paramref name="relativePaths"/> under <paramref name="root"/>; binary and oversized files are passed over.</summary>
    public static IReadOnlyList<Finding> ScanFiles(string root, IEnumerable<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var findings = new List<Finding>();
        foreach (var relative in relativePaths)
        {
            var path = Path.Combine(root, relative);
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes)
                continue;
            findings.AddRange(ScanBytes(File.ReadAllBytes(path), relative.Replace('\\', '/')));
        }

        return findings;
    }

    /// <summary>Scans one file's bytes, named <paramref name="target"/> in the findings.</summary>
    public static IEnumerable<Finding> ScanBytes(byte[] content, string target)
    {
        ArgumentNullException.ThrowIfNull(content);
        // A NUL in the first 8 KiB means a binary file.
        if (Array.IndexOf(content, (byte)0, 0, Math.Min(content.Length, 8192)) >= 0)
            return [];
        return ScanText(System.Text.Encoding.UTF8.GetString(content), target);
    }

    /// <summary>Scans text, named <paramref name="target"/> in the findings.</summary>
    public static IEnumerable<Finding> ScanText(string text, string target) =>
        SecretRules.Match(text).Select(hit => new Finding(Tool, FindingKind.Secret, hit.Rule.Id, hit.Rule.Severity, hit.Rule.Title, target,
            $"{hit.Rule.Title} in {target}:{hit.Line}")
        {
            Line = hit.Line,
        }).ToList();
}
