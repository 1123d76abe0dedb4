using System.Text.Json;
using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Rollouts;
using Spatial.Kernels;

/// <summary>Stage 8: roll the tested release out to the chosen environment with its strategy, rolling back on failure.</summary>
interface IDeploy : IPerformanceTests, ISecurityScan
{
    [Parameter("How long another pipeline's deployment of the same environment is waited for, in seconds (default: 120)")]
    int? LockWaitSeconds => TryGetValue(() => LockWaitSeconds);

    [Parameter("Seconds blue-green keeps the old pool after the switch for an instant rollback (default: 10)")]
    int? BlueGreenGraceSeconds => TryGetValue(() => BlueGreenGraceSeconds);

    [Parameter("Rollback: the model version to return to (default: the release created before the one serving)")]
    string? To => TryGetValue(() => To);

    AbsolutePath DeployReport => ReportsDirectory / "deploy.json";

    Target Rollback => _ => _
        .Description("Return --environment to its previous known-good release (or the newest one with model version --to), verified like a rollout")
        .Produces(IHazReports.ReportsFolder + "/deploy.json")
        .Executes(async () =>
        {
            var host = await ConnectCleanDeploymentHostAsync();
            // Preparing the checkout's build names the gateway image and keeps it startable; the target is chosen from what the host holds.
            await host.PrepareReleaseAsync(ReleaseCandidate());
            var current = (await host.ListAsync(Environment.Name)).Where(i => i.Role == InstanceRole.Replica && i.Running).Select(i => i.Release).OfType<Spatial.Deployment.Releases.Release>().FirstOrDefault();
            var (target, problem) = RollbackTarget.Choose(await host.ListReleasesAsync(), current, To);
            if (target is null)
                Assert.Fail($"cannot roll {Environment} back: {problem}");
            Log.Information("Rolling {Environment} back from {Current} to {Target}", Environment, current?.ToString() ?? "nothing", target.ToString());

            await using var held = await host.LockAsync(Environment.Name, TimeSpan.FromSeconds(LockWaitSeconds ?? 120));
            var outcome = await RunRolloutAsync(host, new RolloutOptions(Environment, target, DeployAccelerator, GoldenImagesDirectory, Environment.Objectives,
                line => Log.Information("{Line}", line)) { BlueGreenGrace = TimeSpan.FromSeconds(BlueGreenGraceSeconds ?? 10) });
            await ReportOutcomeAsync(outcome);
        });

    Target Deploy => _ => _
        .Description("Stage 8: roll out to --environment with its strategy; automatic rollback when the rollout's checks fail")
        .DependsOn(PerformanceTests, SecurityScan)
        .Produces(IHazReports.ReportsFolder + "/deploy.json")
        .Executes(async () =>
        {
            var host = await ConnectCleanDeploymentHostAsync();
            var release = await host.PrepareReleaseAsync(ReleaseCandidate());
            if (await PrerequisiteGate.CheckAsync(host, Environment, release) is { } refused)
                Assert.Fail(refused);

            await using var held = await host.LockAsync(Environment.Name, TimeSpan.FromSeconds(LockWaitSeconds ?? 120));
            var outcome = await RunRolloutAsync(host, new RolloutOptions(Environment, release, DeployAccelerator, GoldenImagesDirectory, Environment.Objectives,
                line => Log.Information("{Line}", line)) { BlueGreenGrace = TimeSpan.FromSeconds(BlueGreenGraceSeconds ?? 10) });
            await ReportOutcomeAsync(outcome);
        });

    /// <summary>The backend replicas ask for: the environment's preference (stage 1 has checked that a CUDA environment has a device).</summary>
    AcceleratorChoice DeployAccelerator => IHazDeploymentHost.ReplicaAccelerator(Environment);

    /// <summary>Runs a rollout; Ctrl+C cancels it, which rolls back and leaves the environment consistent.</summary>
    static async Task<RolloutOutcome> RunRolloutAsync(IDeploymentHost host, RolloutOptions options)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await Rollout.RunAsync(host, options, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    async Task ReportOutcomeAsync(RolloutOutcome outcome)
    {
        ReportsDirectory.CreateDirectory();
        await File.WriteAllTextAsync(DeployReport, JsonSerializer.Serialize(outcome, ReportJson.Options));
        ReportSummary(s =>
        {
            s["Rollout"] = $"{Environment} {outcome.Strategy}: {outcome.Status}, serving {outcome.Serving?.Id ?? "nothing"}";
            if (outcome.Background is { } background)
                s["Background traffic"] = background.ToString();
            if (outcome.Failure is not null)
                s["Failed check"] = outcome.Failure;
            return s;
        });
        Assert.True(outcome.Status is RolloutStatus.Deployed or RolloutStatus.AlreadyServing,
            $"the rollout to {Environment} {outcome.Status}: {outcome.Failure}; serving now: {outcome.Serving?.ToString() ?? "nothing"}");
    }
}
