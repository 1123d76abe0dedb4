using System.Globalization;
using Spatial.LoadTesting.Engine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Spatial.LoadTesting.Progress;

/// <summary>
/// Live progress of a run on the console: a panel redrawn every second on a terminal (Spectre.Console), one plain line
/// a second when the output is redirected (CI logs, files), so nothing is lost to cursor movement.
/// </summary>
public static class ConsoleLoadProgress
{
    /// <summary>Runs <paramref name="run"/> with a progress sink that draws on <paramref name="console"/>.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, Func<IProgress<LoadProgress>, Task<T>> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            // Straight to the writer: Spectre would wrap the line at its assumed width.
            var writer = console.Profile.Out.Writer;
            return await run(new Sink(p => writer.WriteLine($"{title}: {Line(p)}")));
        }
        T result = default!;
        await console.Live(Panel(title, null)).AutoClear(false).StartAsync(async context =>
        {
            result = await run(new Sink(p =>
            {
                context.UpdateTarget(Panel(title, p));
                context.Refresh();
            }));
        });
        return result;
    }

    /// <summary>The plain line of one snapshot: elapsed/remaining, current rate, p95 so far, errors.</summary>
    public static string Line(LoadProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Phase} {p.Elapsed.TotalSeconds:0}/{p.Duration.TotalSeconds:0} s ({p.Remaining.TotalSeconds:0} s left): {p.CurrentRate:0} req/s, p95 {p.P95Milliseconds:0.#} ms, " +
        $"{p.Errors} errors, {p.Sent} sent, {p.InFlight} in flight{(p.Missing > 0 ? $", {p.Missing} behind the timetable" : "")}");

    private static IRenderable Panel(string title, LoadProgress? p)
    {
        if (p is null)
            return new Panel(new Markup("[grey]starting…[/]")).Header(Markup.Escape(title));
        var share = p.Duration > TimeSpan.Zero ? Math.Clamp(p.Elapsed / p.Duration, 0, 1) : 1;
        var bar = new BreakdownChart().Width(40).HideTags()
            .AddItem("elapsed", share * 100, Color.Green).AddItem("remaining", (1 - share) * 100, Color.Grey);
        var grid = new Grid().AddColumn().AddColumn()
            .AddRow(new Markup("[bold]phase[/]"), new Text(p.Phase))
            .AddRow(new Markup("[bold]time[/]"), new Text(string.Create(CultureInfo.InvariantCulture, $"{p.Elapsed.TotalSeconds:0} s of {p.Duration.TotalSeconds:0} s, {p.Remaining.TotalSeconds:0} s left")))
            .AddRow(new Text(""), bar)
            .AddRow(new Markup("[bold]rate[/]"), new Text(string.Create(CultureInfo.InvariantCulture, $"{p.CurrentRate:0} req/s ({p.Sent} sent, {p.InFlight} in flight)")))
            .AddRow(new Markup("[bold]p95 so far[/]"), new Text(string.Create(CultureInfo.InvariantCulture, $"{p.P95Milliseconds:0.#} ms")))
            .AddRow(new Markup("[bold]errors[/]"), new Markup(p.Errors == 0 ? "0" : $"[red]{p.Errors}[/]"))
            .AddRow(new Markup("[bold]behind[/]"), new Markup(p.Missing == 0 ? "0" : $"[yellow]{p.Missing} requests[/]"));
        return new Panel(grid).Header(Markup.Escape(title));
    }

    private sealed class Sink(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        private readonly object gate = new();

        // Reports come from timer threads; the console is drawn by one at a time.
        public void Report(LoadProgress value)
        {
            lock (gate)
                report(value);
        }
    }
}
