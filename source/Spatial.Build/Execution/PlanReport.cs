using System.Net;
using System.Text;
using Spatial.Build.IO;
using Spatial.Build.Logging;
using Spectre.Console;

namespace Spatial.Build.Execution;

/// <summary>The <c>--plan</c> output: the ordered plan on the console and the graph in a self-contained HTML page (inline SVG, no script, no network).</summary>
internal static class PlanReport
{
    public static void Write(BuildOutput output, IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all, AbsolutePath htmlFile)
    {
        output.WriteLine("Execution plan:", ConsoleStyles.Header);
        var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("Target").AddColumn("Status").AddColumn("Note");
        var step = 0;
        foreach (var target in plan)
        {
            table.AddRow(
                new Text((++step).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(target.Name + (target.Invoked ? " (invoked)" : string.Empty)),
                new Text(target.Status.ToString()),
                new Text(target.SkipReason ?? string.Empty));
        }

        output.Write(table);
        htmlFile.WriteAllText(Html(plan, all));
        output.WriteLine($"Graph written to {htmlFile}");
    }

    private static string Html(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Execution plan</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2328; }
            .legend { display: flex; flex-wrap: wrap; gap: 18px; align-items: center; margin: 8px 0 16px; font-size: 13px; }
            .legend svg { vertical-align: middle; margin-right: 6px; }
            .plan-graph .node:hover rect { stroke-width: 3; }
          </style>
        </head>
        <body>
          <h1>Execution plan</h1>
          <p>Order: {{WebUtility.HtmlEncode(string.Join(" → ", plan.Select((x, i) => $"{i + 1}. {x.Name}")))}}</p>
          <div class="legend">
            {{Swatch("line", PlanGraphSvg.Colours.Dependency, "1.5", null)}}dependency
            {{Swatch("line", PlanGraphSvg.Colours.Ordering, "1.5", "6 4")}}ordering only
            {{Swatch("line", PlanGraphSvg.Colours.Trigger, "3.5", null)}}trigger
            {{Swatch("box", PlanGraphSvg.Colours.PlannedFill, PlanGraphSvg.Colours.PlannedStroke, null)}}planned (numbered in order)
            {{Swatch("box", PlanGraphSvg.Colours.SkippedFill, PlanGraphSvg.Colours.SkippedStroke, "4 3")}}skipped
            {{Swatch("box", PlanGraphSvg.Colours.OutsideFill, PlanGraphSvg.Colours.OutsideStroke, null)}}not in this plan
          </div>
          <p>Hover a target for its description.</p>
        {{PlanGraphSvg.Render(plan, all)}}
        </body>
        </html>

        """;

    private static string Swatch(string kind, string colour, string second, string? dash)
    {
        var dashAttribute = dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";
        return kind == "line"
            ? $"<svg width=\"36\" height=\"12\"><line x1=\"0\" y1=\"6\" x2=\"36\" y2=\"6\" stroke=\"{colour}\" stroke-width=\"{second}\"{dashAttribute}/></svg>"
            : $"<svg width=\"28\" height=\"18\"><rect x=\"1\" y=\"1\" width=\"26\" height=\"16\" rx=\"4\" fill=\"{colour}\" stroke=\"{second}\" stroke-width=\"1.5\"{dashAttribute}/></svg>";
    }
}
