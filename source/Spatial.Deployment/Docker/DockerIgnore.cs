using System.Text;
using System.Text.RegularExpressions;

namespace Spatial.Deployment.Docker;

/// <summary>
/// The rules of a <c>.dockerignore</c> file with the engine's semantics (moby/patternmatcher and its ignorefile reader,
/// on Linux): a line is a comment only when <c>#</c> is its first byte; patterns are trimmed, cleaned like Go's
/// <c>filepath.Clean</c> (a leading <c>..</c> stays, so <c>../x</c> matches nothing in the context) and anchored at the
/// context root; <c>\</c> escapes the next character; <c>[...]</c> passes to the regular expression as is (so
/// <c>[!a]</c> is the set of <c>!</c> and <c>a</c>, <c>[^a]</c> the negation); <c>*</c> and <c>?</c> stay within one path
/// segment, <c>**</c> spans any number of segments; a pattern that matches a directory excludes everything below it,
/// <c>!</c> re-includes, and the last matching rule wins.
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

    /// <summary>Parses the text of a <c>.dockerignore</c> file: one pattern a line, a line starting with <c>#</c> is a comment.</summary>
    public static DockerIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<Rule>();
        foreach (var rawLine in text.TrimStart('\uFEFF').Split('\n'))
        {
            // The engine tests for a comment before trimming: "   #x" is the pattern "#x".
            if (rawLine.StartsWith('#'))
                continue;
            var line = rawLine.Trim();
            if (line.Length == 0)
                continue;
            var exception = line.StartsWith('!');
            var pattern = exception ? line[1..].Trim() : line;
            if (pattern.Length == 0)
                throw new FormatException(".dockerignore has a line '!' without a pattern; the engine refuses it");
            pattern = Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
                pattern = pattern[1..];
            rules.Add(Rule.For(pattern, exception));
        }
        return new DockerIgnore(rules);
    }

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes, relative to the context root) is left out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = Clean(relativePath).TrimStart('/');
        var segments = path.Split('/');
        var excluded = false;
        foreach (var rule in _rules)
        {
            // As moby's MatchesOrParentMatches: an inclusion is skipped once excluded, an exception until then.
            if (rule.Exception != excluded)
                continue;
            // A rule matching a directory also covers everything below it.
            var match = rule.Matches(path);
            for (var depth = 1; !match && depth < segments.Length; depth++)
                match = rule.Matches(string.Join('/', segments.Take(depth)));
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

    // Go's filepath.Clean on Linux: one slash between segments, "." dropped, "x/.." folded, ".." kept at the start of a
    // relative path and dropped at the root; a backslash is an ordinary character (the engine's escape), never a separator.
    private static string Clean(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else if (part != ".." || !rooted)
                parts.Add(part);
        }
        var cleaned = (rooted ? "/" : "") + string.Join('/', parts);
        return cleaned.Length == 0 ? "." : cleaned;
    }

    /// <summary>How a pattern is matched: moby/patternmatcher's shortcuts give different answers from its regex in edge cases (<c>**foo</c> matches <c>xfoo</c>), so they are kept.</summary>
    private enum MatchKind { Exact, Prefix, Suffix, Regex }

    private sealed record Rule(string Pattern, bool Exception, MatchKind Kind, Regex? Regex)
    {
        public bool Matches(string path) => Kind switch
        {
            MatchKind.Exact => path == Pattern,
            MatchKind.Prefix => path.StartsWith(Pattern[..^2], StringComparison.Ordinal),
            MatchKind.Suffix => path.EndsWith(Pattern[2..], StringComparison.Ordinal) || (Pattern.Length > 2 && Pattern[2] == '/' && path == Pattern[3..]),
            _ => Regex!.IsMatch(path),
        };

        // The engine's translation, character by character (moby/patternmatcher Pattern.compile).
        public static Rule For(string pattern, bool exception)
        {
            if (pattern.Count(c => c == '[') > pattern.Count(c => c == ']'))
                throw new FormatException($".dockerignore pattern '{pattern}' has an unclosed '['");
            var regex = new StringBuilder("^");
            var kind = MatchKind.Exact;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    var first = i == 0;
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                        i++;
                    if (i + 1 == pattern.Length)
                    {
                        if (kind == MatchKind.Exact)
                            kind = MatchKind.Prefix;
                        else
                        {
                            regex.Append(".*");
                            kind = MatchKind.Regex;
                        }
                    }
                    else
                    {
                        regex.Append("(.*/)?");
                        kind = MatchKind.Regex;
                    }
                    if (first)
                        kind = MatchKind.Suffix;
                }
                else if (c == '*')
                {
                    regex.Append("[^/]*");
                    kind = MatchKind.Regex;
                }
                else if (c == '?')
                {
                    regex.Append("[^/]");
                    kind = MatchKind.Regex;
                }
                else if (".+(){}|$".Contains(c, StringComparison.Ordinal))
                    regex.Append('\\').Append(c);
                else if (c == '\\')
                {
                    if (i + 1 < pattern.Length)
                    {
                        regex.Append('\\').Append(pattern[++i]);
                        kind = MatchKind.Regex;
                    }
                    else
                        throw new FormatException($".dockerignore pattern '{pattern}' ends with an escape character; the engine refuses it");
                }
                else if (c is '[' or ']')
                {
                    regex.Append(c);
                    kind = MatchKind.Regex;
                }
                else
                    regex.Append(c);
            }
            // As the engine: only a pattern with wildcards, escapes or sets is compiled, so "a(b" stays a literal name.
            if (kind != MatchKind.Regex)
                return new Rule(pattern, exception, kind, null);
            try
            {
                return new Rule(pattern, exception, kind, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant));
            }
            catch (ArgumentException e)
            {
                throw new FormatException($".dockerignore pattern '{pattern}' is not a valid pattern: {e.Message}", e);
            }
        }
    }
}
