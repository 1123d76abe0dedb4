using Spatial.Build;
using Spatial.Build.Tooling;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class LifecycleTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class HookedBuild : RecordingBuild
    {
        public Target Restore => _ => Record(_, nameof(Restore));
        public Target Lint => _ => Record(_.OnlyWhenStatic(() => false), nameof(Lint));
        public Target Compile => _ => _.DependsOn(Restore).After(Lint).Executes(() =>
        {
            Ran.Add($"Compile sees restore succeeded: {SucceededTargets.Contains(Restore)}");
            Ran.Add($"Compile sees scheduled: {string.Join(",", ScheduledTargets.Select(x => x.Name))}");
        });
        public Target Broken => _ => _.DependsOn(Compile).Executes(() => Spatial.Build.Assert.Fail("broken"));

        protected internal override void OnBuildCreated() => Ran.Add($"created in {RootDirectory.Name}");
        protected internal override void OnBuildInitialized() => Ran.Add("initialized");
        protected internal override void OnTargetRunning(string target) => Ran.Add($"running {target}");
        protected internal override void OnTargetSucceeded(string target) => Ran.Add($"succeeded {target}");
        protected internal override void OnTargetFailed(string target) => Ran.Add($"failed {target}");
        protected internal override void OnTargetSkipped(string target) => Ran.Add($"skipped {target}");
        protected internal override void OnBuildFinished() => Ran.Add($"finished, failed: {string.Join(",", FailedTargets.Select(x => x.Name))}, skipped: {string.Join(",", SkippedTargets.Select(x => x.Name))}");
    }

    [Test]
    public void Lifecycle_hooks_run_in_order_around_every_target()
    {
        var build = new HookedBuild();
        var result = _harness.Run(build, "Broken", "Lint");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[]
        {
            $"created in {_harness.Root.Name}",
            "initialized",
            "running Restore", "Restore", "succeeded Restore",
            "skipped Lint",
            "running Compile", "Compile sees restore succeeded: True", "Compile sees scheduled: Broken", "succeeded Compile",
            "running Broken", "failed Broken",
            "finished, failed: Broken, skipped: Lint",
        }));
    }

    [Test]
    public void A_skipped_dependency_is_not_among_the_succeeded_targets()
    {
        var build = new HookedBuild();
        _harness.Run(build, "Compile", "--skip", "Restore");
        Assert.That(build.Ran, Does.Contain("Compile sees restore succeeded: False"));
    }

    private sealed class HostBuild : NukeBuild
    {
        public string Seen { get; private set; } = string.Empty;

        public Target Show => _ => _.Executes(() => Seen = $"{Host} local={IsLocalBuild} server={IsServerBuild}");
    }

    [TestCase(null, null, "Terminal local=True server=False")]
    [TestCase("CI", "true", "Server local=False server=True")]
    [TestCase("GITHUB_ACTIONS", "true", "GitHubActions local=False server=True")]
    public void Host_says_where_the_build_runs(string? variable, string? value, string expected)
    {
        if (variable is not null)
            _harness.Environment[variable] = value!;
        var build = new HostBuild();
        _harness.Run(build, "Show");
        Assert.That(build.Seen, Is.EqualTo(expected));
    }

    private sealed class LongRunningBuild : RecordingBuild
    {
        public ManualResetEventSlim Started { get; } = new();

        public int ExitCode { get; private set; }

        public Target Wait => _ => _.Executes(() =>
        {
            using var process = ProcessTasks.StartProcess("sleep", "60", logOutput: false);
            Started.Set();
            process.WaitForExit();
            ExitCode = process.ExitCode;
            process.AssertZeroExitCode();
        });
        public Target After => _ => Record(_.DependsOn(Wait), nameof(After));
        public Target Teardown => _ => Record(_.After(After).AssuredAfterFailure(), nameof(Teardown));
    }

    [Test]
    public void Cancelling_ends_the_running_targets_processes_and_still_prints_the_summary()
    {
        var build = new LongRunningBuild();
        using var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => _harness.Run(build, ["After", "Teardown"], cancellation.Token));
        Assert.That(build.Started.Wait(TimeSpan.FromSeconds(30)), Is.True, "the target started its process");
        cancellation.Cancel();
        Assert.That(run.Wait(TimeSpan.FromSeconds(30)), Is.True, "the run ended after cancellation");

        var result = run.Result;
        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(build.ExitCode, Is.Not.Zero, "sleep was killed, not waited for");
        Assert.That(build.Ran, Is.EqualTo(new[] { "Teardown" }), "after a cancel only assured targets (teardown) run");
        Assert.That(result.Output, Does.Contain("Target Wait cancelled: its processes were ended."));
        Assert.That(result.Output, Does.Match(@"Wait\s+Failed\s+(< 1 sec|0:\d\d)?\s*cancelled \(Ctrl\+C\)"));
        Assert.That(result.Output, Does.Match(@"After\s+NotRun\s+build cancelled"));
        Assert.That(result.Output, Does.Contain("Build cancelled on"));
    }
}
