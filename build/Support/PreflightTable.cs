using Spatial.Deployment.Preflight;
using Spectre.Console;

/// <summary>Stage 1's report as a table on the console.</summary>
static class PreflightTable
{
    public static void Write(PreflightReport report)
    {
        var table = new Table().Title($"Environment requirements: {report.Environment}")
            .AddColumn("Check").AddColumn("Required").AddColumn("Result").AddColumn("Found");
        foreach (var check in report.Checks)
        {
            var outcome = check.Outcome switch
            {
                CheckOutcome.Ok => "[green]ok[/]",
                CheckOutcome.Warning => "[yellow]warning[/]",
                _ => "[red]FAILED[/]",
            };
            table.AddRow(Markup.Escape(check.Name), check.Level.ToString(), outcome, Markup.Escape(check.Found));
        }
        AnsiConsole.Write(table);
    }
}
