using System.Net;
using System.Text;
using Spatial.Build.IO;
using Spatial.Build.Logging;
using Spectre.Console;

namespace Spatial.Build.Execution;

/// <summary>The <c>--plan</c> output: the ordered plan on the console and a Mermaid graph in an HTML page.</summary>
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

    /// <summary>Mermaid: solid arrows for dependencies, dotted for ordering, thick for triggers; planned targets highlighted.</summary>
    public static string Mermaid(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all)
    {
        var graph = new StringBuilder("graph LR\n");
        foreach (var target in all)
            graph.Append("  ").Append(target.Name).Append("[\"").Append(target.Name).Append("\"]\n");
        foreach (var target in all)
        {
            foreach (var dependency in target.ExecutionDependencies)
                graph.Append("  ").Append(dependency.Name).Append(" --> ").Append(target.Name).Append('\n');
            foreach (var earlier in target.OrderDependencies)
                graph.Append("  ").Append(earlier.Name).Append(" -.-> ").Append(target.Name).Append('\n');
            foreach (var trigger in target.TriggerDependencies)
                graph.Append("  ").Append(trigger.Name).Append(" ==> ").Append(target.Name).Append('\n');
        }

        graph.Append("  classDef planned fill:#d4edda,stroke:#28a745\n");
        graph.Append("  classDef skipped fill:#eeeeee,stroke:#999999,stroke-dasharray:4\n");
        var planned = plan.Where(x => x.Status != ExecutionStatus.Skipped).Select(x => x.Name).ToList();
        var skipped = plan.Where(x => x.Status == ExecutionStatus.Skipped).Select(x => x.Name).ToList();
        if (planned.Count > 0)
            graph.Append("  class ").Append(string.Join(',', planned)).Append(" planned\n");
        if (skipped.Count > 0)
            graph.Append("  class ").Append(string.Join(',', skipped)).Append(" skipped\n");
        return graph.ToString();
    }

    private static string Html(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Execution plan</title>
          <script type="module">
            import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@10/dist/mermaid.esm.min.mjs';
            mermaid.initialize({ startOnLoad: true });
          </script>
        </head>
        <body>
          <h1>Execution plan</h1>
          <p>Order: {{WebUtility.HtmlEncode(string.Join(" → ", plan.Select(x => x.Name)))}}</p>
          <p>Solid arrows: dependencies. Dotted: ordering only. Thick: triggers. Green: planned; grey: skipped.</p>
          <pre class="mermaid">
        {{WebUtility.HtmlEncode(Mermaid(plan, all))}}</pre>
        </body>
        </html>

        """;
}
