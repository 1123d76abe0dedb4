using Spatial.Build;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class PlanOrderingTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class ChainBuild : RecordingBuild
    {
        public Target Deploy => _ => Record(_.DependsOn(Test, Package), nameof(Deploy));
        public Target Test => _ => Record(_.DependsOn(Compile), nameof(Test));
        public Target Package => _ => Record(_.DependsOn(Compile), nameof(Package));
        public Target Compile => _ => Record(_.DependsOn(Restore), nameof(Compile));
        public Target Restore => _ => Record(_, nameof(Restore));
        public Target Unrelated => _ => Record(_, nameof(Unrelated));
    }

    [Test]
    public void DependsOn_runs_dependencies_first_with_ties_in_declaration_order()
    {
        var build = new ChainBuild();
        var result = _harness.Run(build, "Deploy");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile", "Test", "Package", "Deploy" }));
    }

    [Test]
    public void Plan_contains_only_invoked_targets_and_their_dependencies()
    {
        var build = new ChainBuild();
        _harness.Run(build, "Compile");
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile" }));
        Assert.That(build.ExecutionPlan, Is.Empty, "the plan is only visible while the build runs");
    }

    [Test]
    public void Plan_order_is_stable_across_runs()
    {
        var first = new ChainBuild();
        var second = new ChainBuild();
        _harness.Run(first, "Deploy", "Unrelated");
        _harness.Run(second, "Unrelated", "Deploy");
        Assert.That(second.Ran, Is.EqualTo(first.Ran));
    }

    private sealed class RelationsBuild : RecordingBuild
    {
        public Target A => _ => Record(_.DependentFor(B), nameof(A));
        public Target B => _ => Record(_, nameof(B));
        public Target C => _ => Record(_.After(D), nameof(C));
        public Target D => _ => Record(_.Before(E), nameof(D));
        public Target E => _ => Record(_, nameof(E));
        public Target F => _ => Record(_.Triggers(G), nameof(F));
        public Target G => _ => Record(_, nameof(G));
        public Target H => _ => Record(_.TriggeredBy(F), nameof(H));
    }

    [Test]
    public void DependentFor_makes_the_other_target_depend_on_this_one()
    {
        var build = new RelationsBuild();
        _harness.Run(build, "B");
        Assert.That(build.Ran, Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void After_orders_without_pulling_the_other_target_in()
    {
        var alone = new RelationsBuild();
        _harness.Run(alone, "C");
        Assert.That(alone.Ran, Is.EqualTo(new[] { "C" }));

        var both = new RelationsBuild();
        _harness.Run(both, "C", "D");
        Assert.That(both.Ran, Is.EqualTo(new[] { "D", "C" }));
    }

    [Test]
    public void Before_orders_the_other_target_later()
    {
        var build = new RelationsBuild();
        _harness.Run(build, "E", "D");
        Assert.That(build.Ran, Is.EqualTo(new[] { "D", "E" }));
    }

    [Test]
    public void Triggers_and_TriggeredBy_add_targets_that_run_after_the_trigger()
    {
        var build = new RelationsBuild();
        _harness.Run(build, "F");
        Assert.That(build.Ran, Is.EqualTo(new[] { "F", "G", "H" }));

        var triggeredAlone = new RelationsBuild();
        _harness.Run(triggeredAlone, "G");
        Assert.That(triggeredAlone.Ran, Is.EqualTo(new[] { "G" }));
    }

    private sealed class CycleBuild : RecordingBuild
    {
        public Target A => _ => Record(_.DependsOn(B), nameof(A));
        public Target B => _ => Record(_.DependsOn(C), nameof(B));
        public Target C => _ => Record(_.After(A), nameof(C));
    }

    [Test]
    public void A_cycle_fails_and_prints_the_cycle()
    {
        var build = new CycleBuild();
        var result = _harness.Run(build, "A");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("A -> B -> C -> A"));
        Assert.That(build.Ran, Is.Empty);
    }

    [Test]
    public void Help_still_works_when_the_graph_has_a_cycle()
    {
        var result = _harness.Run(new CycleBuild(), "--help");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"A\s+-> B"));
    }

    [Test]
    public void Invocation_accepts_positional_plus_joined_and_target_switch_case_insensitively()
    {
        var positional = new ChainBuild();
        _harness.Run(positional, "restore+UNRELATED");
        Assert.That(positional.Ran, Is.EqualTo(new[] { "Restore", "Unrelated" }));

        var switched = new ChainBuild();
        _harness.Run(switched, "--target", "un-related", "restore");
        Assert.That(switched.Ran, Is.EqualTo(new[] { "Restore", "Unrelated" }));
    }

    [Test]
    public void Default_target_runs_when_none_is_given()
    {
        var build = new ChainBuild();
        var result = _harness.RunWithDefaults(build, [], x => x.Compile);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Restore", "Compile" }));
    }

    [Test]
    public void No_target_and_no_default_fails_listing_targets()
    {
        var result = _harness.Run(new ChainBuild());
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("no default target").And.Contain("Restore"));
    }

    [Test]
    public void Unknown_target_fails_with_the_closest_name_and_the_list()
    {
        var build = new ChainBuild();
        var result = _harness.Run(build, "Compil");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Target 'Compil' is not defined. Did you mean 'Compile'?"));
        Assert.That(result.Output, Does.Contain("Available targets: Deploy, Test, Package, Compile, Restore, Unrelated"));
        Assert.That(build.Ran, Is.Empty);
    }

    private sealed class DuplicateSelfBuild : RecordingBuild
    {
        public Target A => _ => _.DependsOn(A);
    }

    [Test]
    public void A_target_depending_on_itself_is_an_error()
    {
        var result = _harness.Run(new DuplicateSelfBuild(), "A");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Target A refers to itself"));
    }
}
