using Spatial.Build;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class SkipAndConditionTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class PipelineBuild : RecordingBuild
    {
        public bool PackageEnabled { get; set; } = true;
        public bool KeepDependencies { get; set; }
        public bool PublishNow { get; set; } = true;
        public int DynamicChecks { get; private set; }

        public Target Restore => _ => Record(_, nameof(Restore));
        public Target Compile => _ => Record(_.DependsOn(Restore), nameof(Compile));
        public Target Pack => _ => Record(_.DependsOn(Compile).OnlyWhenStatic(() => PackageEnabled)
            .WhenSkipped(KeepDependencies ? DependencyBehavior.Execute : DependencyBehavior.Skip), nameof(Pack));
        public Target Lint => _ => Record(_, nameof(Lint));
        public Target Publish => _ => Record(_.DependsOn(Pack, Lint).OnlyWhenDynamic(() => CheckPublish()), nameof(Publish));
        public Target Test => _ => Record(_.DependsOn(Compile), nameof(Test));
        public Target Image => _ => Record(_.DependsOn(Compile).OnlyWhenStatic(() => EngineReachable, () => $"no engine at {Endpoint}: processes serve instead"), nameof(Image));
        public bool EngineReachable { get; set; } = true;
        public string Endpoint { get; set; } = "unix:///none.sock";

        private bool CheckPublish()
        {
            DynamicChecks++;
            // Set by an earlier target: proves the condition is read just before Publish runs.
            return PublishNow && Ran.Contains("Lint");
        }
    }

    [Test]
    public void Skip_alone_skips_every_target_that_was_not_invoked()
    {
        var build = new PipelineBuild();
        var result = _harness.Run(build, "Test", "--skip");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Test" }));
        Assert.That(result.Output, Does.Contain("Skipping Compile: --skip"));
    }

    [Test]
    public void Skip_with_names_skips_those_but_never_an_invoked_target()
    {
        var build = new PipelineBuild();
        _harness.Run(build, "Test", "--skip", "restore", "Test");
        Assert.That(build.Ran, Is.EqualTo(new[] { "Compile", "Test" }));
    }

    [Test]
    public void Skip_with_an_unknown_name_fails_with_a_suggestion()
    {
        var result = _harness.Run(new PipelineBuild(), "Test", "--skip", "Compiel");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Did you mean 'Compile'?"));
    }

    [Test]
    public void False_static_condition_skips_the_target_and_dependencies_nothing_else_needs()
    {
        var build = new PipelineBuild { PackageEnabled = false };
        var result = _harness.Run(build, "Pack");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.Empty);
        Assert.That(result.Output, Does.Contain("Skipping Pack: condition false: PackageEnabled"));
        Assert.That(result.Output, Does.Contain("Skipping Restore: only needed by skipped Compile"));
    }

    [Test]
    public void Dependencies_still_needed_by_a_running_target_are_kept()
    {
        var build = new PipelineBuild { PackageEnabled = false };
        _harness.Run(build, "Pack", "Test");
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile", "Test" }));
    }

    [Test]
    public void WhenSkipped_Execute_keeps_the_dependencies_of_a_skipped_target()
    {
        var build = new PipelineBuild { PackageEnabled = false, KeepDependencies = true };
        _harness.Run(build, "Pack");
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile" }));
    }

    [Test]
    public void Dynamic_condition_is_evaluated_just_before_the_target_runs()
    {
        var build = new PipelineBuild();
        var result = _harness.Run(build, "Publish");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile", "Pack", "Lint", "Publish" }));
        Assert.That(build.DynamicChecks, Is.EqualTo(1));
    }

    [Test]
    public void False_dynamic_condition_skips_only_that_target_after_its_dependencies_ran()
    {
        var build = new PipelineBuild { PublishNow = false };
        var result = _harness.Run(build, "Publish");
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile", "Pack", "Lint" }));
        Assert.That(result.Output, Does.Match(@"Publish\s+Skipped"));
    }

    [Test]
    public void Continue_resumes_a_failed_run_skipping_targets_that_already_succeeded()
    {
        var failing = new FlakyBuild { FailCompile = true };
        Assert.That(_harness.Run(failing, "Test").ExitCode, Is.Not.Zero);
        Assert.That(failing.Ran, Is.EqualTo(new[] { "Restore" }));

        var resumed = new FlakyBuild();
        var result = _harness.Run(resumed, "Test", "--continue");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(resumed.Ran, Is.EqualTo(new[] { "Compile", "Test" }));
    }

    [Test]
    public void Skip_with_names_also_skips_the_dependencies_only_those_targets_needed()
    {
        var build = new PipelineBuild();
        var result = _harness.Run(build, "Publish", "--skip", "Pack");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Lint", "Publish" }));
        Assert.That(result.Output, Does.Contain("Skipping Compile: only needed by skipped Pack"));
        Assert.That(result.Output, Does.Contain("Skipping Restore: only needed by skipped Compile"));
    }

    [Test]
    public void Skip_with_names_keeps_dependencies_that_WhenSkipped_Execute_asks_for_or_others_need()
    {
        var keep = new PipelineBuild { KeepDependencies = true };
        _harness.Run(keep, "Publish", "--skip", "Pack");
        Assert.That(keep.Ran, Is.EqualTo(new[] { "Restore", "Compile", "Lint", "Publish" }));

        var shared = new PipelineBuild();
        _harness.Run(shared, "Publish", "Test", "--skip", "Pack");
        Assert.That(shared.Ran, Is.EqualTo(new[] { "Restore", "Compile", "Lint", "Publish", "Test" }), "Test still needs Compile");
    }

    [Test]
    public void Continue_after_the_invocation_changed_warns_and_runs_everything()
    {
        var failing = new FlakyBuild { FailCompile = true };
        Assert.That(_harness.Run(failing, "Test").ExitCode, Is.Not.Zero);

        var changed = new FlakyBuild();
        var result = _harness.Run(changed, "Compile", "--continue");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(changed.Ran, Is.EqualTo(new[] { "Restore", "Compile" }));
        Assert.That(result.Output, Does.Contain("The invocation changed since the last attempt: --continue runs every target again."));
    }

    private sealed class FlakyBuild : RecordingBuild
    {
        public bool FailCompile { get; init; }

        public Target Restore => _ => Record(_, nameof(Restore));
        public Target Compile => _ => _.DependsOn(Restore).Executes(() =>
        {
            Spatial.Build.Assert.False(FailCompile, "compile failed");
            Ran.Add(nameof(Compile));
        });
        public Target Test => _ => Record(_.DependsOn(Compile), nameof(Test));
    }

    [Test]
    public void A_static_condition_with_a_reason_gives_that_reason_in_the_log_and_the_summary()
    {
        var build = new PipelineBuild { EngineReachable = false, Endpoint = "unix:///gone.sock" };

        var result = _harness.Run(build, "Image");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Does.Not.Contain("Image"));
        Assert.That(result.Output, Does.Contain("Skipping Image: no engine at unix:///gone.sock: processes serve instead"));
        Assert.That(result.Output, Does.Not.Contain("condition false: EngineReachable"));
    }
}
