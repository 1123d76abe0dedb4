using System.Globalization;
using System.Net;
using System.Text;

namespace Spatial.Build.Execution;

/// <summary>
/// The target graph as inline SVG, drawn by the build so the plan page needs no script and no network:
/// solid arrows for dependencies, dashed for ordering, thick for triggers; planned targets numbered in plan order,
/// skipped ones grey, targets outside the plan white; each box's tooltip gives the description.
/// </summary>
internal static class PlanGraphSvg
{
    /// <summary>Colours are part of the legend (and what the browser test looks for), so they live in one place.</summary>
    public static class Colours
    {
        public const string Dependency = "#24292f";
        public const string Ordering = "#0969da";
        public const string Trigger = "#bc4c00";
        public const string PlannedFill = "#d4edda";
        public const string PlannedStroke = "#28a745";
        public const string SkippedFill = "#e6e6e6";
        public const string SkippedStroke = "#8c8c8c";
        public const string OutsideFill = "#ffffff";
        public const string OutsideStroke = "#c8c8c8";
    }

    public static string Render(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all)
    {
        var layout = PlanLayout.Create(all);
        var steps = plan.Select((target, index) => (target, index)).ToDictionary(x => x.target, x => x.index + 1);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="plan-graph" viewBox="0 0 {layout.Width} {layout.Height}" width="100%" style="max-width:{layout.Width}px" role="img" aria-label="Target graph">""").Append('\n');
        // Arrowheads in user units: one size for every edge, however thick its line.
        svg.Append("<defs>");
        foreach (var (kind, colour) in EdgeKinds)
            svg.Append(CultureInfo.InvariantCulture, $"""<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>""");
        svg.Append("</defs>\n");

        foreach (var target in all)
        {
            foreach (var dependency in target.ExecutionDependencies)
                AppendEdge(svg, layout, dependency, target, "dependency");
            foreach (var earlier in target.OrderDependencies)
                AppendEdge(svg, layout, earlier, target, "ordering");
            foreach (var trigger in target.TriggerDependencies)
                AppendEdge(svg, layout, trigger, target, "trigger");
        }

        foreach (var target in all)
            AppendNode(svg, layout, target, steps.TryGetValue(target, out var step) ? step : null);
        return svg.Append("</svg>").ToString();
    }

    private static readonly (string Kind, string Colour)[] EdgeKinds =
        [("dependency", Colours.Dependency), ("ordering", Colours.Ordering), ("trigger", Colours.Trigger)];

    private static void AppendEdge(StringBuilder svg, PlanLayout layout, ExecutableTarget from, ExecutableTarget to, string kind)
    {
        var (x1, y1) = layout.Position(from);
        var (x2, y2) = layout.Position(to);
        var (startX, startY) = (x1 + layout.NodeWidth, y1 + (PlanLayout.NodeHeight / 2));
        var (endX, endY) = (x2, y2 + (PlanLayout.NodeHeight / 2));
        var bend = Math.Max(24, (endX - startX) / 2);
        var style = kind switch
        {
            "ordering" => $"""stroke="{Colours.Ordering}" stroke-width="1.5" stroke-dasharray="6 4" """,
            "trigger" => $"""stroke="{Colours.Trigger}" stroke-width="3.5" """,
            _ => $"""stroke="{Colours.Dependency}" stroke-width="1.5" """,
        };
        svg.Append(CultureInfo.InvariantCulture,
            $"""<path class="edge {kind}" data-from="{from.Name}" data-to="{to.Name}" d="M{startX},{startY} C{startX + bend},{startY} {endX - bend},{endY} {endX},{endY}" fill="none" {style}marker-end="url(#arrow-{kind})"><title>{from.Name} → {to.Name} ({kind})</title></path>""").Append('\n');
    }

    private static void AppendNode(StringBuilder svg, PlanLayout layout, ExecutableTarget target, int? step)
    {
        var (x, y) = layout.Position(target);
        var state = step is null ? "outside" : target.Status == ExecutionStatus.Skipped ? "skipped" : "planned";
        var (fill, stroke, dash) = state switch
        {
            "planned" => (Colours.PlannedFill, Colours.PlannedStroke, string.Empty),
            "skipped" => (Colours.SkippedFill, Colours.SkippedStroke, """ stroke-dasharray="4 3" """),
            _ => (Colours.OutsideFill, Colours.OutsideStroke, string.Empty),
        };
        var tooltip = $"{target.Name}: {target.Description ?? "no description"}" + state switch
        {
            "planned" => $" (step {step}, {target.Status})",
            "skipped" => $" (step {step}, skipped: {target.SkipReason})",
            _ => " (not in this plan)",
        };
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="node {state}" data-target="{target.Name}"><title>{WebUtility.HtmlEncode(tooltip)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{layout.NodeWidth}" height="{PlanLayout.NodeHeight}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash.TrimEnd()}/>""");
        if (step is { } number)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<circle class="step" cx="{x + 17}" cy="{y + (PlanLayout.NodeHeight / 2)}" r="11" fill="{stroke}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 17}" y="{y + (PlanLayout.NodeHeight / 2) + 4}" text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff">{number}</text>""");
        }

        var textColour = state == "outside" ? "#6e7781" : "#1f2328";
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 34}" y="{y + (PlanLayout.NodeHeight / 2) + 5}" font-size="13" fill="{textColour}">{WebUtility.HtmlEncode(target.Name)}</text></g>""").Append('\n');
    }
}
