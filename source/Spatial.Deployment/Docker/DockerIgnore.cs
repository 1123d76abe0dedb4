using System.Text;
using System.Text.RegularExpressions;

namespace Spatial.Deployment.Docker;

/// <summary>
/// The rules of a <c>.dockerignore</c> file with the engine's semantics: patterns are anchored at the context root,
/// <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> spans any number of segments, a pattern that matches
/// a directory excludes everything below it, <c>!</c> re-includes, and the last matching rule wins.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<Rule> _rules;

    private DockerIgnore(IReadOnlyList<Rule> rules) => _rules = rules;

    /// <summary>Rules that exclude nothing.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>True when some rule re-includes paths (<c>!pattern</c>); excluded directories must then still be walked.</summary>
    public bool HasExceptions => _rules.Any(r => r.Exception);

    /// <summary>Reads <c>.dockerignore</c> in <paramref name="contextDirectory"/>, or <see cref="Empty"/> when there is none.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var file = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : Empty;
    }

    /// <summary>Parses the text of a <c>.dockerignore</c> file: one pattern a line, <c>#</c> starts a comment line.</summary>
    public static DockerIgnore Parse(string text)
    {
        var rules = new List<Rule>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var exception = line.StartsWith('!');
            var pattern = Clean(exception ? line[1..].Trim() : line);
            if (pattern.Length == 0)
                continue;
            rules.Add(new Rule(pattern, exception, ToRegex(pattern)));
        }
        return new DockerIgnore(rules);
    }

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes, relative to the context root) is left out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = Clean(relativePath);
        var segments = path.Split('/');
        var excluded = false;
        foreach (var rule in _rules)
        {
            // A rule matching a directory also covers everything below it (moby's MatchesOrParentMatches).
            var match = rule.Regex.IsMatch(path);
            for (var depth = 1; !match && depth < segments.Length; depth++)
                match = rule.Regex.IsMatch(string.Join('/', segments.Take(depth)));
            if (match)
                excluded = !rule.Exception;
        }
        return excluded;
    }

    /// <summary>Whether some exception rule could re-include a path below the directory <paramref name="relativeDirectory"/>.</summary>
    public bool MayReincludeBelow(string relativeDirectory)
    {
        var directory = Clean(relativeDirectory) + "/";
        foreach (var rule in _rules.Where(r => r.Exception))
        {
            var literalEnd = rule.Pattern.IndexOfAny(['*', '?', '[', '\\']);
            if (literalEnd < 0 ? rule.Pattern.StartsWith(directory, StringComparison.Ordinal) : CouldOverlap(rule.Pattern[..literalEnd], directory))
                return true;
        }
        return false;
    }

    private static bool CouldOverlap(string literalPrefix, string directory) =>
        directory.StartsWith(literalPrefix, StringComparison.Ordinal) || literalPrefix.StartsWith(directory, StringComparison.Ordinal);

    // Like Go's filepath.Clean on a slash path, without a leading slash: the engine treats "/foo" and "foo" alike.
    private static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == ".." && parts.Count > 0)
                parts.RemoveAt(parts.Count - 1);
            else if (part != "..")
                parts.Add(part);
        }
        return string.Join('/', parts);
    }

    // The same translation the engine applies (moby/patternmatcher).
    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    i++;
                regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
            }
            else if (c == '*')
                regex.Append("[^/]*");
            else if (c == '?')
                regex.Append("[^/]");
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 1);
                if (end < 0)
                    throw new FormatException($".dockerignore pattern '{pattern}' has an unclosed '['");
                var set = pattern[(i + 1)..end];
                regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                i = end;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private sealed record Rule(string Pattern, bool Exception, Regex Regex);
}
