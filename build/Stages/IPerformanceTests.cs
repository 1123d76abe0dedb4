using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Deployment.Checks;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Kernels;
using Spatial.LoadTesting.Engine;
using Spatial.LoadTesting.Gates;
using Spatial.LoadTesting.Progress;
using Spatial.LoadTesting.Reports;
using Spatial.LoadTesting.Scenarios;
using Spectre.Console;

/// <summary>Stage 6: the environment's load profile against the candidate deployed in its shape, gated by its SLOs.</summary>
interface IPerformanceTests : ITestEnvironments
{
    [Parameter("Tighten the environment's p95 latency objective for this run, in ms (a looser value is ignored)")]
    double? SloP95Ms => TryGetValue(() => SloP95Ms);

    [Parameter("Tighten the environment's p99 latency objective for this run, in ms (a looser value is ignored)")]
    double? SloP99Ms => TryGetValue(() => SloP99Ms);

    [Parameter("Tighten the environment's highest error rate for this run (0.001 = 0.1 %; a looser value is ignored)")]
    double? SloErrorRate => TryGetValue(() => SloErrorRate);

    [Parameter("Tighten the environment's lowest throughput for this run, in successful req/s (a looser value is ignored)")]
    double? SloMinThroughput => TryGetValue(() => SloMinThroughput);

    [Parameter("Validation images the load test rotates over (default: 64)")]
    int? LoadImages => TryGetValue(() => LoadImages);

    AbsolutePath PerformanceReport => ReportsDirectory / "performance.json";

    Target PerformanceTests => _ => _
        .Description("Stage 6: load test the environment (open model, its load profile) through its gateway, SLO gates, report")
        .DependsOn(TestEnvironments)
        .Produces(IHazReports.ReportsFolder + "/performance.json", IHazReports.ReportsFolder + "/performance.md", IHazReports.ReportsFolder + "/performance.html")
        .Executes(async () =>
        {
            var environment = Environment;
            var objectives = TightenedObjectives(environment);
            var host = await ConnectCleanDeploymentHostAsync();
            var release = await host.PrepareReleaseAsync(ReleaseCandidate());
            var name = $"perf-{DockerRun.Id[^6..].ToLowerInvariant()}-{environment.Name}";
            var accelerator = IHazDeploymentHost.ReplicaAccelerator(environment);
            // Each answer must be a 200; the labels are not checked here: accuracy is stage 3's and stage 5's gate, and a
            // model that is right 97 % of the time is not a service that fails 3 % of its requests.
            var payloads = ValidationImages.Generate(LoadImages ?? 64).Select(i => new Payload(i.Png, "image/png")).ToList();

            // Ctrl+C stops the load; the tear-down below still runs.
            using var cancellation = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancellation.Cancel(); };
            Console.CancelKeyPress += onCancel;
            LoadReport report;
            try
            {
                var deployed = await EnvironmentDeployment.DeployAsync(host, environment, release,
                    new EnvironmentDeployment.Options(name, 0, 0, accelerator, Persistent: false), line => Log.Information("{Line}", line), cancellation.Token);
                var load = environment.Load;
                var model = new OpenModel(load.RequestsPerSecond, load.Duration, load.MaxConnections);
                Log.Information("{Name}: {Model} after a {Warmup} s warm-up, {Images} images, through {Gateway}",
                    name, model.Describe(), load.Warmup.TotalSeconds, payloads.Count, deployed.Address);
                var result = await ConsoleLoadProgress.RunAsync(AnsiConsole.Console, name, progress =>
                    LoadEngine.RunAsync(ClassifyScenarios.Classify(deployed.Address, payloads), model, new LoadRunOptions(load.Warmup), progress, cancellation.Token));
                report = new LoadReport($"{environment.Name}: release {release}", $"{deployed.Address} ({deployed.Replicas.Count} replica(s) on the {host.Kind} host)",
                    result, ServiceLevelGate.Evaluate(result, objectives));
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
                var removed = await EnvironmentDeployment.RemoveAsync(host, name, CancellationToken.None);
                Log.Information("{Name}: removed {Count} instance(s)", name, removed);
            }

            await WriteReportsAsync(report);
            ReportSummary(s =>
            {
                s["Load"] = report.SummaryLine;
                return s;
            });
            foreach (var verdict in report.Verdicts)
            {
                if (verdict.Passed)
                    Log.Information("SLO {Line}", verdict.Line);
                else
                    Log.Error("SLO {Line}", verdict.Line);
            }
            if (report.Result.Shortfall.Reason is { } reason)
                Log.Warning("Load generator: {Reason}", reason);
            var remaining = (await host.ListAsync(name)).Count;
            Assert.True(remaining == 0, $"{remaining} instance(s) of {name} are still running");
            Assert.True(report.Passed, $"{report.Verdicts.Count(v => !v.Passed)} of {report.Verdicts.Count} objectives of {environment.Name} violated (see the lines above and {ReportsDirectory / "performance.html"})");
        });

    /// <summary>The environment's objectives, each replaced by its parameter where that is stricter (a looser one is said and ignored).</summary>
    LoadObjectives TightenedObjectives(DeploymentEnvironment environment)
    {
        var own = environment.Objectives;
        var defined = new LoadObjectives(own.P95, own.P99, own.MaxErrorRate, own.MinThroughput);
        var tightened = defined.Tighten(
            SloP95Ms is { } p95 ? TimeSpan.FromMilliseconds(p95) : null,
            SloP99Ms is { } p99 ? TimeSpan.FromMilliseconds(p99) : null,
            SloErrorRate,
            SloMinThroughput);
        void Note(string parameter, object? asked, object? kept, object? now)
        {
            if (asked is null)
                return;
            if (Equals(kept, now) && !Equals(asked, kept))
                Log.Warning("--{Parameter} {Asked} is looser than {Environment}'s objective ({Kept}); the objective stays", parameter, asked, environment.Name, kept);
            else
                Log.Information("--{Parameter} tightens {Environment}'s objective to {Now} for this run", parameter, environment.Name, now);
        }
        Note("slo-p95-ms", SloP95Ms, defined.P95?.TotalMilliseconds, tightened.P95?.TotalMilliseconds);
        Note("slo-p99-ms", SloP99Ms, defined.P99?.TotalMilliseconds, tightened.P99?.TotalMilliseconds);
        Note("slo-error-rate", SloErrorRate, defined.MaxErrorRate, tightened.MaxErrorRate);
        Note("slo-min-throughput", SloMinThroughput, defined.MinThroughput, tightened.MinThroughput);
        return tightened;
    }

    async Task WriteReportsAsync(LoadReport report)
    {
        ReportsDirectory.CreateDirectory();
        var html = ReportsDirectory / "performance.html";
        var markdown = MarkdownReport.Render(report);
        await File.WriteAllTextAsync(PerformanceReport, JsonReport.Render(report));
        await File.WriteAllTextAsync(ReportsDirectory / "performance.md", markdown);
        await File.WriteAllTextAsync(html, HtmlReport.Render(report));
        // On GitHub Actions the Markdown also lands in the job's summary page.
        if (System.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            await File.AppendAllTextAsync(summary, markdown + "\n");
        Log.Information("Report: {Html} (also {Json}, {Markdown})", html, PerformanceReport, ReportsDirectory / "performance.md");
    }
}
