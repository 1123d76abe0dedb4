using Spatial.Build;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public interface IHazLog : INukeBuild
{
    List<string> Ran { get; }
}

public interface IHazConfiguration : INukeBuild
{
    [Parameter("Configuration to build")]
    Configuration Configuration => TryGetValue(() => Configuration) ?? Configuration.Release;

    [Parameter("Replicas to deploy")]
    int Replicas => TryGetValue<int>(() => Replicas) ?? 2;
}

public interface ICompile : IHazLog, IHazConfiguration
{
    Target Compile => _ => _.Description("Compiles").Executes(() => Ran.Add($"Compile:{Configuration}"));
}

public interface ITestStage : ICompile
{
    Target UnitTests => _ => _.DependsOn(Compile).Executes(() => Ran.Add(nameof(UnitTests)));
    Target ParityTests => _ => _.DependsOn(Compile).Executes(() => Ran.Add(nameof(ParityTests)));
}

public interface IDeploy : ICompile
{
    Target Deploy => _ => _.DependsOn(Compile).Executes(() => Ran.Add("Deploy:base"));
}

public sealed class ComponentTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class ComponentBuild : NukeBuild, ITestStage, IDeploy
    {
        public List<string> Ran { get; } = [];

        public int SeenReplicas { get; private set; }

        public Target AllTests => _ => _.DependsOn<ITestStage>(x => x.UnitTests, x => x.ParityTests);

        Target IDeploy.Deploy => _ => _
            .Inherit<IDeploy>(x => x.Deploy)
            .DependsOn<ITestStage>(x => x.UnitTests)
            .Executes(() =>
            {
                SeenReplicas = this.From<IHazConfiguration>().Replicas;
                Ran.Add("Deploy:override");
            });
    }

    [Test]
    public void Targets_declared_on_interfaces_are_discovered_and_run()
    {
        var build = new ComponentBuild();
        var result = _harness.Run(build, "UnitTests");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Compile:Release", "UnitTests" }));
    }

    [Test]
    public void DependsOn_component_with_selectors_pulls_the_named_targets()
    {
        var build = new ComponentBuild();
        _harness.Run(build, "AllTests");
        Assert.That(build.Ran, Is.EqualTo(new[] { "Compile:Release", "UnitTests", "ParityTests" }));
    }

    [Test]
    public void Explicit_override_with_Inherit_keeps_the_base_definition_and_adds_its_own()
    {
        var build = new ComponentBuild();
        var result = _harness.Run(build, "Deploy");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Compile:Release", "UnitTests", "Deploy:base", "Deploy:override" }));
    }

    [Test]
    public void Interface_parameters_are_read_through_TryGetValue_with_defaults()
    {
        var build = new ComponentBuild();
        _harness.Environment["REPLICAS"] = "5";
        _harness.Run(build, "Deploy", "--configuration", "debug");
        Assert.That(build.Ran[0], Is.EqualTo("Compile:Debug"));
        Assert.That(build.SeenReplicas, Is.EqualTo(5));

        var defaults = new ComponentBuild();
        _harness.Environment.Clear();
        _harness.Run(defaults, "Deploy");
        Assert.That(defaults.SeenReplicas, Is.EqualTo(2));
    }

    [Test]
    public void Default_target_can_be_a_component_target()
    {
        var build = new ComponentBuild();
        var result = _harness.RunWithDefaults(build, [], x => ((IDeploy)x).Deploy);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Has.Member("Deploy:override"));
    }

    private interface IFirst : INukeBuild
    {
        Target Same => _ => _;
    }

    private interface ISecond : INukeBuild
    {
        Target Same => _ => _;
    }

    private sealed class ClashingBuild : NukeBuild, IFirst, ISecond;

    [Test]
    public void Two_targets_with_one_name_are_an_error()
    {
        var result = _harness.Run(new ClashingBuild(), "Same");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Target name 'Same' is declared more than once"));
    }

    private sealed class ImplicitBuild : NukeBuild, ICompile
    {
        public List<string> Ran { get; } = [];

        public Target Compile => _ => _.Executes(() => Ran.Add("class compile"));
    }

    [Test]
    public void A_public_class_member_implementing_a_component_target_replaces_it()
    {
        var build = new ImplicitBuild();
        var result = _harness.Run(build, "Compile");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "class compile" }));
    }
}
