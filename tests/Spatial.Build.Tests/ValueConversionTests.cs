using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class ValueConversionTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    public enum Strategy { Rolling, BlueGreen }

    /// <summary>An enumeration class that does not derive from the engine's Enumeration: recognised by shape.</summary>
    public sealed class DeploymentEnvironment
    {
        public static readonly DeploymentEnvironment Staging = new("staging");
        public static readonly DeploymentEnvironment Production = new("production");

        private DeploymentEnvironment(string name) => Name = name;

        public string Name { get; }

        public override string ToString() => Name;
    }

    private sealed class TypedBuild : NukeBuild
    {
        [Parameter] public string? Text { get; set; }
        [Parameter] public int Count { get; set; }
        [Parameter] public long Big { get; set; }
        [Parameter] public double Ratio { get; set; }
        [Parameter] public decimal Price { get; set; }
        [Parameter] public bool Flag { get; set; }
        [Parameter] public Strategy Rollout { get; set; }
        [Parameter] public Configuration Configuration { get; set; } = Configuration.Debug;
        [Parameter] public DeploymentEnvironment? Environment { get; set; }
        [Parameter] public int[] Ports { get; set; } = [];
        [Parameter] public AbsolutePath? Output { get; set; }
        [Parameter] public TimeSpan Timeout { get; set; }
        [Parameter] public int? Optional { get; set; }

        public Target Show => _ => _.Executes(() => { });
    }

    private TypedBuild Run(params string[] args)
    {
        var build = new TypedBuild();
        var result = _harness.Run(build, ["Show", .. args]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return build;
    }

    [Test]
    public void Scalars_convert_with_invariant_culture()
    {
        var build = Run("--text", "hello", "world", "--count", "42", "--big", "9000000000", "--ratio", "0.25", "--price", "12.50", "--flag", "false", "--optional", "5");
        Assert.That(build.Text, Is.EqualTo("hello world"));
        Assert.That(build.Count, Is.EqualTo(42));
        Assert.That(build.Big, Is.EqualTo(9_000_000_000L));
        Assert.That(build.Ratio, Is.EqualTo(0.25));
        Assert.That(build.Price, Is.EqualTo(12.50m));
        Assert.That(build.Flag, Is.False);
        Assert.That(build.Optional, Is.EqualTo(5));
    }

    [Test]
    public void Enums_and_enumeration_classes_match_case_insensitively()
    {
        var build = Run("--rollout", "blue-green", "--configuration", "RELEASE", "--environment", "Production");
        Assert.That(build.Rollout, Is.EqualTo(Strategy.BlueGreen));
        Assert.That(build.Configuration, Is.SameAs(Configuration.Release));
        Assert.That(build.Environment, Is.SameAs(DeploymentEnvironment.Production));
    }

    [Test]
    public void Enumeration_class_matches_by_static_member_name_or_its_text()
    {
        Assert.That(Run("--environment", "staging").Environment, Is.SameAs(DeploymentEnvironment.Staging));
        Assert.That(Run("--environment", "Staging").Environment, Is.SameAs(DeploymentEnvironment.Staging));
    }

    [Test]
    public void Arrays_paths_and_durations_convert()
    {
        var build = Run("--ports", "80", "443", "--output", "artifacts/out", "--timeout", "90s");
        Assert.That(build.Ports, Is.EqualTo(new[] { 80, 443 }));
        Assert.That(build.Output, Is.EqualTo(_harness.Root / "artifacts" / "out"));
        Assert.That(build.Timeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [TestCase("5m", 300)]
    [TestCase("2h", 7200)]
    [TestCase("250ms", 0.25)]
    [TestCase("1.5s", 1.5)]
    [TestCase("00:01:30", 90)]
    public void Durations_accept_units_and_timespan_text(string text, double seconds) =>
        Assert.That(Run("--timeout", text).Timeout, Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("--count", "many", "Invalid value 'many' for parameter --count: expected a whole number")]
    [TestCase("--ratio", "abc", "Invalid value 'abc' for parameter --ratio: expected a number")]
    [TestCase("--flag", "maybe", "Invalid value 'maybe' for parameter --flag: expected true or false")]
    [TestCase("--rollout", "canary", "Invalid value 'canary' for parameter --rollout: expected one of Rolling, BlueGreen")]
    [TestCase("--configuration", "Fast", "Invalid value 'Fast' for parameter --configuration: expected one of Debug, Release")]
    [TestCase("--environment", "qa", "Invalid value 'qa' for parameter --environment: expected one of staging, production")]
    [TestCase("--timeout", "soon", "Invalid value 'soon' for parameter --timeout: expected a duration")]
    [TestCase("--ports", "80", "http", "Invalid value 'http' for parameter --ports: expected a whole number")]
    public void Bad_values_fail_naming_parameter_value_and_accepted_values(params string[] argsAndMessage)
    {
        var build = new TypedBuild();
        var result = _harness.Run(build, ["Show", .. argsAndMessage[..^1]]);
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain(argsAndMessage[^1]));
    }

    [Test]
    public void Bad_values_from_the_environment_name_the_source()
    {
        _harness.Environment["COUNT"] = "lots";
        var result = _harness.Run(new TypedBuild(), "Show");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Invalid value 'lots' for parameter Count (from environment variable COUNT)"));
    }

    [Test]
    public void A_non_boolean_switch_without_a_value_fails()
    {
        var result = _harness.Run(new TypedBuild(), "Show", "--count");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Parameter --count needs a value"));
    }
}
