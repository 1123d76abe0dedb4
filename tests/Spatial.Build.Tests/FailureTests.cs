using Spatial.Build;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class FailureTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class FailingBuild : RecordingBuild
    {
        public bool Proceed { get; init; }
        public bool Crash { get; init; }

        public Target Setup => _ => Record(_, nameof(Setup));
        public Target Broken => _ => _.DependsOn(Setup)
            .Executes(() =>
            {
                Ran.Add(nameof(Broken));
                if (Crash)
                    throw new InvalidOperationException("disk on fire");
                Spatial.Build.Assert.Fail("model accuracy 0.61 is below the 0.80 gate");
            })
            .When(Proceed, x => x.ProceedAfterFailure());
        public Target Independent => _ => Record(_.After(Broken), nameof(Independent));
        public Target NeedsBroken => _ => Record(_.DependsOn(Broken).After(Independent), nameof(NeedsBroken));
        public Target Teardown => _ => Record(_.After(NeedsBroken).AssuredAfterFailure(), nameof(Teardown));
        public Target Async => _ => _.Executes(async () =>
        {
            await Task.Yield();
            Ran.Add(nameof(Async));
        });
        public Target Group => _ => _.DependsOn(Setup);
    }

    [Test]
    public void A_failure_stops_later_targets_marks_them_NotRun_and_exits_non_zero()
    {
        var build = new FailingBuild();
        var result = _harness.Run(build, "Broken", "Independent", "NeedsBroken");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(build.Ran, Is.EqualTo(new[] { "Setup", "Broken" }));
        Assert.That(result.Output, Does.Match(@"Independent\s+NotRun"));
        Assert.That(result.Output, Does.Contain("Build failed on"));
    }

    [Test]
    public void BuildFailedException_prints_one_line_without_a_stack_trace()
    {
        var result = _harness.Run(new FailingBuild(), "Broken");
        Assert.That(result.Output, Does.Contain("Target Broken failed: model accuracy 0.61 is below the 0.80 gate"));
        Assert.That(result.Output, Does.Not.Contain(" at "));
    }

    [Test]
    public void Other_exceptions_print_the_type_message_and_a_short_stack()
    {
        var result = _harness.Run(new FailingBuild { Crash = true }, "Broken");
        Assert.That(result.Output, Does.Contain("Target Broken failed: InvalidOperationException: disk on fire"));
        Assert.That(result.Output, Does.Contain("at Spatial.Tests.Build.FailureTests"));
    }

    [Test]
    public void ProceedAfterFailure_lets_independent_targets_run_but_not_dependents()
    {
        var build = new FailingBuild { Proceed = true };
        var result = _harness.Run(build, "Broken", "Independent", "NeedsBroken");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(build.Ran, Is.EqualTo(new[] { "Setup", "Broken", "Independent" }));
        Assert.That(result.Output, Does.Match(@"NeedsBroken\s+NotRun\s+dependency Broken failed"));
    }

    [Test]
    public void AssuredAfterFailure_runs_teardown_after_a_failure()
    {
        var build = new FailingBuild();
        var result = _harness.Run(build, "NeedsBroken", "Teardown");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(build.Ran, Is.EqualTo(new[] { "Setup", "Broken", "Teardown" }));
        Assert.That(result.Output, Does.Match(@"Teardown\s+Succeeded"));
    }

    [Test]
    public void Success_exits_zero_with_async_actions_and_collective_targets()
    {
        var build = new FailingBuild();
        var result = _harness.Run(build, "Async", "Group");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EquivalentTo(new[] { "Setup", "Async" }));
        Assert.That(result.Output, Does.Match(@"Group\s+Collective"));
        Assert.That(result.Output, Does.Contain("Build succeeded on"));
    }

    [Test]
    public void Each_target_is_framed_and_GitHub_Actions_gets_groups()
    {
        _harness.Environment["GITHUB_ACTIONS"] = "true";
        var result = _harness.Run(new FailingBuild(), "Setup");
        Assert.That(result.Output, Does.Contain("::group::Setup"));
        Assert.That(result.Output, Does.Contain("::endgroup::"));
    }
}

internal static class DefinitionExtensions
{
    public static ITargetDefinition When(this ITargetDefinition definition, bool condition, Func<ITargetDefinition, ITargetDefinition> apply) =>
        condition ? apply(definition) : definition;
}
