using System.Globalization;
using System.Net;
using System.Text;

namespace Spatial.LoadTesting.Reports;

/// <summary>
/// A line chart as inline SVG with real &lt;text&gt; for titles, ticks and legend, so the browser draws the text with
/// its own fonts: nothing to fetch, nothing rasterised, readable at any zoom.
/// </summary>
internal sealed class SvgLineChart
{
    private const int Width = 760;
    private const int Height = 300;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 36;
    private const int Bottom = 48;
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"];

    private readonly List<(string Label, double[] X, double[] Y)> series = [];
    private (double[] At, string[] Labels)? xTicks;

    public required string Title { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    public SvgLineChart Add(string label, double[] x, double[] y)
    {
        series.Add((label, x, y));
        return this;
    }

    /// <summary>Fixed ticks on the x axis (else evenly spaced round numbers).</summary>
    public SvgLineChart WithXTicks(double[] at, string[] labels)
    {
        xTicks = (at, labels);
        return this;
    }

    public string Render()
    {
        var points = series.SelectMany(s => s.X.Zip(s.Y)).ToList();
        var (x0, x1) = points.Count == 0 ? (0, 1) : (points.Min(p => p.First), points.Max(p => p.First));
        if (xTicks is { } fixedTicks)
            (x0, x1) = (Math.Min(x0, fixedTicks.At.Min()), Math.Max(x1, fixedTicks.At.Max()));
        var y1 = points.Count == 0 ? 1 : points.Max(p => p.Second);
        var yStep = NiceStep(y1 <= 0 ? 1 : y1);
        y1 = Math.Ceiling((y1 <= 0 ? 1 : y1) / yStep) * yStep;
        if (x1 <= x0)
            x1 = x0 + 1;
        double Px(double x) => Left + (x - x0) / (x1 - x0) * (Width - Left - Right);
        double Py(double y) => Height - Bottom - y / y1 * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(I($"<title>{E(Title)}</title>\n<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(I($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{E(Title)}</text>\n"));
        for (var y = 0.0; y <= y1 + yStep / 2; y += yStep)
        {
            svg.Append(I($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Py(y):0.#}\" y2=\"{Py(y):0.#}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(I($"<text x=\"{Left - 6}\" y=\"{Py(y) + 4:0.#}\" text-anchor=\"end\">{Tick(y)}</text>\n"));
        }
        var (ticksAt, tickLabels) = xTicks ?? EvenTicks(x0, x1);
        for (var i = 0; i < ticksAt.Length; i++)
        {
            svg.Append(I($"<line x1=\"{Px(ticksAt[i]):0.#}\" x2=\"{Px(ticksAt[i]):0.#}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 5}\" stroke=\"#333\"/>"));
            svg.Append(I($"<text x=\"{Px(ticksAt[i]):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{E(tickLabels[i])}</text>\n"));
        }
        svg.Append(I($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>"));
        svg.Append(I($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n"));
        svg.Append(I($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">{E(XLabel)}</text>\n"));
        svg.Append(I($"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2})\">{E(YLabel)}</text>\n"));
        for (var s = 0; s < series.Count; s++)
        {
            var (label, xs, ys) = series[s];
            var colour = Colours[s % Colours.Length];
            var path = string.Join(' ', xs.Zip(ys).Select(p => I($"{Px(p.First):0.#},{Py(p.Second):0.#}")));
            svg.Append(I($"<polyline class=\"series\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"/>\n"));
            var legendX = Left + 12 + s * 110;
            svg.Append(I($"<line x1=\"{legendX}\" x2=\"{legendX + 18}\" y1=\"{Top + 8}\" y2=\"{Top + 8}\" stroke=\"{colour}\" stroke-width=\"3\"/>"));
            svg.Append(I($"<text x=\"{legendX + 24}\" y=\"{Top + 12}\">{E(label)}</text>\n"));
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static (double[], string[]) EvenTicks(double x0, double x1)
    {
        var step = NiceStep(x1 - x0);
        var at = new List<double>();
        for (var x = Math.Ceiling(x0 / step) * step; x <= x1 + step / 1000; x += step)
            at.Add(x);
        return (at.ToArray(), at.Select(Tick).ToArray());
    }

    /// <summary>A round step (1, 2 or 5 times a power of ten) that cuts <paramref name="range"/> into about five parts.</summary>
    private static double NiceStep(double range)
    {
        var raw = range / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static string Tick(double value) => value.ToString(Math.Abs(value) >= 10 || value == 0 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
