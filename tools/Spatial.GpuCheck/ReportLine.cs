using System.Globalization;
using System.Text;

namespace Spatial.GpuCheck;

/// <summary>
/// One machine-parsable output line: a kind, then <c>key=value</c> pairs in the order given. Numbers are written
/// with the invariant culture; a value with spaces, quotes or '=' is quoted, so <c>split on spaces outside quotes</c>
/// then <c>split on the first '='</c> reads every line back.
/// </summary>
internal sealed class ReportLine(string kind)
{
    private readonly StringBuilder _text = new(kind);

    public ReportLine Add(string key, string? value)
    {
        _text.Append(' ').Append(key).Append('=').Append(Quote(value ?? "none"));
        return this;
    }

    public ReportLine Add(string key, bool value) => Add(key, value ? "true" : "false");

    public ReportLine Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A figure with <paramref name="format"/> (a .NET numeric format); NaN is written as <c>n/a</c>.</summary>
    public ReportLine Add(string key, double value, string format) =>
        Add(key, double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>A difference or tolerance in scientific notation, as the kernel benchmark prints them.</summary>
    public ReportLine AddDifference(string key, double value) => Add(key, value, "0.00E+00");

    public override string ToString() => _text.ToString();

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => c is not (' ' or '"' or '=') && !char.IsControl(c))
            ? value
            : $"\"{value.Replace("\"", "'", StringComparison.Ordinal)}\"";
}
