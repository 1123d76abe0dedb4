using Spatial.Build;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public interface IClean : IHazLog
{
    Target Clean => _ => _.Executes(() => Ran.Add("Clean:base"));
}

public interface ITwoTargets : IHazLog
{
    Target First => _ => _.Executes(() => Ran.Add(nameof(First)));
    Target Second => _ => _.Executes(() => Ran.Add(nameof(Second)));
}

/// <summary><c>Inherit&lt;T&gt;()</c>, <c>DependsOn&lt;T&gt;()</c>, <c>After&lt;T&gt;()</c> … without arguments mean the component's one target, as in NUKE.</summary>
public sealed class ShorthandReferenceTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class InheritingBuild : NukeBuild, IClean
    {
        public List<string> Ran { get; } = [];

        Target IClean.Clean => _ => _.Inherit<IClean>().Executes(() => Ran.Add("Clean:override"));
    }

    [Test]
    public void Inherit_without_arguments_runs_the_components_own_definition_first()
    {
        var build = new InheritingBuild();
        var result = _harness.Run(build, "Clean");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Clean:base", "Clean:override" }));
    }

    private sealed class OrderingBuild : NukeBuild, IClean
    {
        public List<string> Ran { get; } = [];

        public Target Package => _ => _.After<IClean>().Executes(() => Ran.Add(nameof(Package)));
        public Target Lint => _ => _.Executes(() => Ran.Add(nameof(Lint)));
        public Target Prepare => _ => _.DependentFor<IClean>().Executes(() => Ran.Add(nameof(Prepare)));
        public Target Announce => _ => _.Triggers<IClean>().Executes(() => Ran.Add(nameof(Announce)));
        public Target Early => _ => _.Before<IClean>().Executes(() => Ran.Add(nameof(Early)));
        public Target Build => _ => _.DependsOn<IClean>().Executes(() => Ran.Add(nameof(Build)));

        public List<string> RunBeforeClean { get; } = [];

        protected internal override void OnBuildInitialized() =>
            RunBeforeClean.AddRange(ExecutionPlan.Single(x => x.Name == "Clean").OrderDependencies.Select(x => x.Name));
    }

    [Test]
    public void After_without_arguments_orders_after_the_components_target()
    {
        // Declaration order alone would run Package (a class member) before Clean (an interface member).
        var result = _harness.Run(new OrderingBuild(), "Package", "Clean", "--plan");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"1\s+Prepare[\s\S]*2\s+Clean \(invoked\)[\s\S]*3\s+Package \(invoked\)"));
    }

    [Test]
    public void Before_without_arguments_orders_before_the_components_target()
    {
        var build = new OrderingBuild();
        var result = _harness.Run(build, "Clean", "Early", "--skip", "Prepare");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Early", "Clean:base" }));
        Assert.That(build.RunBeforeClean, Is.EqualTo(new[] { "Early" }));
    }

    [Test]
    public void DependentFor_without_arguments_makes_the_components_target_depend_on_this_one()
    {
        var build = new OrderingBuild();
        var result = _harness.Run(build, "Clean");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Prepare", "Clean:base" }));
    }

    [Test]
    public void Triggers_without_arguments_runs_the_components_target_afterwards()
    {
        var build = new OrderingBuild();
        var result = _harness.Run(build, "Announce", "--skip", "Prepare");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Announce", "Clean:base" }));
    }

    [Test]
    public void DependsOn_without_arguments_pulls_in_only_the_components_target()
    {
        var build = new OrderingBuild();
        var result = _harness.Run(build, "Build");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Prepare", "Clean:base", "Build" }));
    }

    private sealed class AmbiguousBuild : NukeBuild, ITwoTargets
    {
        public List<string> Ran { get; } = [];

        public Target All => _ => _.DependsOn<ITwoTargets>();
    }

    private sealed class AmbiguousInheritBuild : NukeBuild, ITwoTargets
    {
        public List<string> Ran { get; } = [];

        Target ITwoTargets.First => _ => _.Inherit<ITwoTargets>();
    }

    [Test]
    public void Shorthand_on_a_component_with_several_targets_fails_listing_them()
    {
        var result = _harness.Run(new AmbiguousBuild(), "All");
        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Target All: DependsOn<ITwoTargets>() needs a component with exactly one target; ITwoTargets declares First, Second."));

        var inherit = _harness.Run(new AmbiguousInheritBuild(), "First");
        Assert.That(inherit.ExitCode, Is.Not.Zero, inherit.ToString());
        Assert.That(inherit.Output, Does.Contain("Target First: Inherit<ITwoTargets>() needs a component with exactly one target; ITwoTargets declares First, Second."));
    }
}
