using System.Globalization;
using System.Text.RegularExpressions;

namespace Spatial.Deployment.Checks;

/// <summary>
/// Checks a body against the Prometheus text exposition format (version 0.0.4): comments (<c># HELP</c>, <c># TYPE</c>
/// with a known type), and samples <c>name{label="value",…} value [timestamp]</c>.
/// </summary>
public static partial class PrometheusText
{
    /// <summary>The sample names and the first problem found, if any.</summary>
    public static (IReadOnlySet<string> Metrics, string? Problem) Parse(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            if (line.StartsWith('#'))
            {
                var type = TypeLine().Match(line);
                if (line.StartsWith("# TYPE ", StringComparison.Ordinal) && !type.Success)
                    return (names, $"line {lineNumber}: malformed TYPE line '{line}'");
                continue;
            }
            var sample = SampleLine().Match(line);
            if (!sample.Success || !IsNumber(sample.Groups["value"].Value))
                return (names, $"line {lineNumber}: not a sample '{(line.Length > 120 ? line[..120] + "…" : line)}'");
            names.Add(sample.Groups["name"].Value);
        }
        return names.Count == 0 ? (names, "no samples") : (names, null);
    }

    private static bool IsNumber(string value) =>
        value is "+Inf" or "-Inf" or "NaN" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (?<value>\S+)( -?\d+)?$""")]
    private static partial Regex SampleLine();
}
