using Spatial.Build.Logging;
using Spectre.Console;

namespace Spatial.Build.Execution;

/// <summary>The table printed at the end of a run: each target's status, duration and reported figures.</summary>
internal static class Summary
{
    public static void Write(BuildOutput output, IReadOnlyList<ExecutableTarget> plan, TimeSpan total, ExecutionOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Summary");
        foreach (var target in plan)
        {
            var figures = string.Join("; ", target.Summary.Select(x => $"{x.Key}: {x.Value}"));
            var note = figures.Length > 0 ? figures : target.SkipReason ?? string.Empty;
            table.AddRow(
                new Text(target.Name),
                new Text(target.Status.ToString(), StatusStyle(target.Status)),
                new Text(FormatDuration(target.Duration)),
                new Text(output.Mask.Apply(note)));
        }

        table.AddEmptyRow();
        table.AddRow(new Text("Total"), new Text(string.Empty), new Text(FormatDuration(total)), new Text(string.Empty));
        output.WriteLine();
        output.Write(table);
        output.WriteLine();
        var verdict = outcome switch
        {
            ExecutionOutcome.Succeeded => "Build succeeded",
            ExecutionOutcome.Cancelled => "Build cancelled",
            _ => "Build failed",
        };
        output.WriteLine($"{verdict} on {DateTime.Now:yyyy-MM-dd HH:mm:ss}", outcome == ExecutionOutcome.Succeeded ? ConsoleStyles.Success : ConsoleStyles.Error);
    }

    public static string FormatDuration(TimeSpan duration) =>
        duration == TimeSpan.Zero ? string.Empty
        : duration < TimeSpan.FromSeconds(1) ? "< 1 sec"
        : duration.ToString(duration >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static Style StatusStyle(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Failed => ConsoleStyles.Error,
        ExecutionStatus.Succeeded or ExecutionStatus.Collective => ConsoleStyles.Success,
        ExecutionStatus.NotRun => ConsoleStyles.Warning,
        _ => ConsoleStyles.Dim,
    };
}
