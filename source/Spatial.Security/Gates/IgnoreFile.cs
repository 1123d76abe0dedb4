using System.Globalization;

namespace Spatial.Security.Gates;

/// <summary>
/// The security ignore file: one accepted finding per line, <c>RULE-ID  yyyy-mm-dd  reason</c>; <c>#</c> starts a comment.
/// An entry without a valid expiry date or a reason is an error, never a silent suppression.
/// </summary>
public static class IgnoreFile
{
    /// <summary>Parses the file's text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line lacks a rule, a yyyy-mm-dd expiry or a reason.</exception>
    public static IReadOnlyList<IgnoreEntry> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<IgnoreEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Split('#', 2)[0].Trim();
            if (line.Length == 0)
                continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
                throw new FormatException($"{source}:{i + 1}: '{line}' needs a rule, an expiry date and a reason: RULE-ID yyyy-mm-dd why it is accepted");
            if (!DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
                throw new FormatException($"{source}:{i + 1}: '{parts[1]}' is not an expiry date (yyyy-mm-dd)");
            entries.Add(new IgnoreEntry(parts[0], expires, parts[2].Trim(), i + 1));
        }

        return entries;
    }

    /// <summary>Reads the file; no file means no entries.</summary>
    public static IReadOnlyList<IgnoreEntry> Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), path) : [];
}
