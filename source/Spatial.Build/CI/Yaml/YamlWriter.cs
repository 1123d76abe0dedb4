using System.Text;
using System.Text.RegularExpressions;

namespace Spatial.Build.CI.Yaml;

/// <summary>Writes a <see cref="YamlNode"/> tree as block-style YAML with two-space indentation and minimal, safe quoting.</summary>
internal static partial class YamlWriter
{
    // Words YAML 1.1 readers turn into booleans or null; quoted so they stay text.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan",
    };

    // Characters that give a scalar another meaning when they start it.
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly char[] FlowIndicators = [',', '[', ']', '{', '}'];

    public static string Write(YamlMapping document)
    {
        var builder = new StringBuilder();
        WriteMapping(builder, document, 0);
        return builder.ToString();
    }

    /// <summary>The scalar as it appears in the document: plain when YAML reads it back as the same text, quoted otherwise.</summary>
    public static string FormatScalar(YamlScalar scalar, bool inFlow = false)
    {
        if (scalar.Literal)
            return scalar.Text;
        var text = scalar.Text;
        if (IsPlainSafe(text, inFlow))
            return text;
        // Single quotes need no escapes but double every quote inside; expressions full of quotes read better in double quotes.
        return text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) && !text.Contains('\\', StringComparison.Ordinal)
            ? "\"" + text + "\""
            : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlainSafe(string text, bool inFlow) =>
        text.Length > 0
        && text == text.Trim()
        && !text.Any(char.IsControl)
        && !Indicators.Contains(text[0])
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !(inFlow && text.IndexOfAny(FlowIndicators) >= 0)
        && !ReservedWords.Contains(text)
        && !NumberLike().IsMatch(text);

    private static string FormatKey(string key) => PlainKey().IsMatch(key) ? key : FormatScalar(new YamlScalar(key));

    private static void WriteMapping(StringBuilder builder, YamlMapping mapping, int indent, bool continuesLine = false)
    {
        var first = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!(first && continuesLine))
                builder.Append(' ', indent);
            first = false;
            builder.Append(FormatKey(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    // Writes what follows "key:" or "-": inline for scalars and empty or flow collections, on the next lines otherwise.
    private static void WriteValue(StringBuilder builder, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar when scalar.Text.Contains('\n', StringComparison.Ordinal):
                WriteBlockScalar(builder, scalar.Text, indent + 2);
                break;
            case YamlScalar scalar:
                builder.Append(' ').Append(FormatScalar(scalar)).Append('\n');
                break;
            case YamlMapping { Entries.Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YamlMapping mapping:
                builder.Append('\n');
                WriteMapping(builder, mapping, indent + 2);
                break;
            case YamlSequence { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            case YamlSequence { Flow: true } sequence:
                builder.Append(" [").Append(string.Join(", ", sequence.Items.Select(FlowItem))).Append("]\n");
                break;
            case YamlSequence sequence:
                builder.Append('\n');
                WriteBlockSequence(builder, sequence, indent + 2);
                break;
            default:
                throw new InvalidOperationException($"Unknown YAML node {value.GetType().Name}.");
        }
    }

    private static string FlowItem(YamlNode item) => item is YamlScalar scalar && !scalar.Text.Contains('\n', StringComparison.Ordinal)
        ? FormatScalar(scalar, inFlow: true)
        : throw new InvalidOperationException("A flow sequence holds single-line scalars only.");

    private static void WriteBlockSequence(StringBuilder builder, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            builder.Append(' ', indent).Append('-');
            if (item is YamlMapping { Entries.Count: > 0 } mapping)
            {
                builder.Append(' ');
                WriteMapping(builder, mapping, indent + 2, continuesLine: true);
            }
            else
            {
                WriteValue(builder, item, indent);
            }
        }
    }

    private static void WriteBlockScalar(StringBuilder builder, string text, int indent)
    {
        var body = text.TrimEnd('\n');
        var trailing = text.Length - body.Length;
        if (body.StartsWith(' ') || body.StartsWith('\t'))
            throw new InvalidOperationException("A block scalar must not start with whitespace (YAML would need an indentation indicator).");
        // Literal style keeps every line as written; the chomping indicator keeps the trailing newlines exact.
        builder.Append(trailing switch { 0 => " |-", 1 => " |", _ => " |+" }).Append('\n');
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
                builder.Append(' ', indent).Append(line);
            builder.Append('\n');
        }

        for (var i = 1; i < trailing; i++)
            builder.Append('\n');
    }

    [GeneratedRegex(@"^[-+]?(\.?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+)$")]
    private static partial Regex NumberLike();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainKey();
}
