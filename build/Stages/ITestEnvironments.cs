using System.Text.Json;
using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Deployment.Checks;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Images;
using Spatial.Kernels;
using Spatial.Models.Registry;
using Spectre.Console;

/// <summary>Stage 5: dev-, staging- and production-shaped deployments side by side, each tested end to end.</summary>
interface ITestEnvironments : IDockerBuild
{
    [Parameter("Validation images the classification suite sends through each environment's gateway (default: 200)")]
    int? EnvironmentImages => TryGetValue(() => EnvironmentImages);

    AbsolutePath EnvironmentsReport => ReportsDirectory / "environments.json";

    Target TestEnvironments => _ => _
        .Description("Stage 5: deploy development, staging and production shapes side by side; endpoint and classification suites")
        .DependsOn(DockerBuild, Publish)
        .Produces(IHazReports.ReportsFolder + "/environments.json")
        .Executes(async () =>
        {
            var host = await ConnectCleanDeploymentHostAsync();

            var release = await host.PrepareReleaseAsync(ReleaseCandidate());
            Log.Information("Release {Release} on the {Host} host", release, host.Kind);
            var images = ValidationImages.Generate(EnvironmentImages ?? 200);
            var prefix = "test-" + DockerRun.Id[^6..].ToLowerInvariant();

            // Ctrl+C cancels the suites; the tear-down below still runs, so nothing of this stage keeps running.
            using var cancellation = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancellation.Cancel(); };
            Console.CancelKeyPress += onCancel;
            EnvironmentTestReport report;
            try
            {
                report = await EnvironmentTestRun.RunAsync(host, release, DeploymentEnvironment.All,
                    new EnvironmentTestRun.Options(prefix, images, Clients: 4, PerReplica: 10, AcceleratorCatalog.HasCuda),
                    line => Log.Information("{Line}", line), cancellation.Token);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            ReportsDirectory.CreateDirectory();
            await File.WriteAllTextAsync(EnvironmentsReport, JsonSerializer.Serialize(report, ReportJson.Options));
            WriteTable(report);
            Log.Information("Wrote {Report}; removed {Count} instance(s) after the suites", EnvironmentsReport, report.RemovedAfterwards);
            var remaining = (await host.ListAsync()).Where(i => i.Deployment.StartsWith(prefix, StringComparison.Ordinal)).ToList();

            ReportSummary(s =>
            {
                s["Environments"] = string.Join(", ", report.Results.Select(r =>
                    $"{r.Environment} {(r.Passed ? "passed" : "FAILED")} ({r.Checks.Count(c => c.Passed)}/{r.Checks.Count}{(r.Classification is { } f ? $", {f.Accuracy:P1}" : "")})"));
                s["Host"] = host.Kind;
                return s;
            });
            foreach (var result in report.Results.Where(r => !r.Passed))
            {
                foreach (var check in result.Checks.Where(c => !c.Passed))
                    Log.Error("{Environment}: {Check} failed: {Detail}", result.Environment, check.Name, check.Detail);
                if (result.DeployFailure is not null)
                    Log.Error("{Environment}: did not come up: {Reason}", result.Environment, result.DeployFailure);
            }
            Assert.True(remaining.Count == 0, $"{remaining.Count} instance(s) of this stage are still running: {string.Join(", ", remaining.Select(i => i.Name))}");
            Assert.True(report.Passed, $"{report.Results.Count(r => !r.Passed)} of {report.Results.Count} environments failed their suites (see the lines above and {EnvironmentsReport})");
        });

    /// <summary>What stage 4 built (or, on the process host, published) and the model it ships.</summary>
    ReleaseCandidate ReleaseCandidate()
    {
        var options = ImageOptions;
        var registry = new ModelRegistry(RootDirectory / "models");
        var document = registry.Read();
        var model = ModelRegistry.Version(document, options.ModelName, options.ModelVersion);
        return new ReleaseCandidate(
            options.Revision,
            registry.PackageDirectory(model),
            options.ModelName,
            options.ModelVersion,
            ServicePublishDirectory,
            GatewayPublishDirectory,
            SelectedHost.UsesDocker ? ServiceImage.TagFor(options) : null,
            SelectedHost.UsesDocker ? ServiceImage.TagFor(options with { Repository = ServiceImage.GatewayRepository }) : null);
    }

    static void WriteTable(EnvironmentTestReport report)
    {
        var table = new Table().Title($"Environments: release {Markup.Escape(report.Release)}")
            .AddColumn("Environment").AddColumn("Replicas").AddColumn("Gateway").AddColumn("Endpoints").AddColumn("Classification").AddColumn("Accuracy").AddColumn("Result");
        foreach (var result in report.Results)
        {
            string Count(string suite) =>
                $"{result.Checks.Count(c => c.Suite == suite && c.Passed)}/{result.Checks.Count(c => c.Suite == suite)}";
            table.AddRow(
                Markup.Escape(result.Environment),
                result.Replicas.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(result.Gateway ?? "-"),
                Count("endpoints"),
                Count("classification"),
                result.Classification is { } figures ? $"{figures.Accuracy:P2}" : "-",
                result.Passed ? "[green]passed[/]" : "[red]FAILED[/]");
        }
        AnsiConsole.Write(table);
    }
}
