using Spatial.Build;
using Spatial.Build.Tooling;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class RequirementAndSecretTests
{
    private const string Token = "tok-3f9a1c77e2";

    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class DeployBuild : RecordingBuild
    {
        [Parameter("Target environment")]
        public string? Environment { get; set; }

        [Parameter("Registry token"), Secret]
        public string? RegistryToken { get; set; }

        [Parameter("Max replicas")]
        public int? MaxReplicas { get; set; }

        public bool Approved { get; set; } = true;

        public Target Prepare => _ => Record(_, nameof(Prepare));

        public Target Deploy => _ => Record(_.DependsOn(Prepare).Requires(() => Environment).Requires(() => MaxReplicas).Requires(() => Approved), nameof(Deploy));

        public Target Release => _ => Record(_.OnlyWhenStatic(() => Approved).Requires(() => Environment), nameof(Release));

        public Target Push => _ => _.Executes(() =>
        {
            Log.Information("Logging in with {Token} to {Registry}", RegistryToken, "registry.local");
            ReportSummary(x => x.SetItem("login", $"token={RegistryToken}"));
        });

        public Target Echo => _ => _.Executes(() =>
            ProcessTasks.StartProcess("/bin/sh", $"-c \"echo pushing with {RegistryToken}\"").AssertZeroExitCode());
    }

    [Test]
    public void Missing_required_parameter_fails_before_any_target_runs_naming_it()
    {
        var build = new DeployBuild();
        var result = _harness.Run(build, "Deploy", "--max-replicas", "3");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(build.Ran, Is.Empty, "Prepare must not run when Deploy's requirements fail");
        Assert.That(result.Output, Does.Contain("Target Deploy requires parameter --environment (Environment)"));
        Assert.That(result.Output, Does.Contain("ENVIRONMENT"));
    }

    [Test]
    public void Missing_nullable_value_parameter_and_false_condition_are_reported()
    {
        var build = new DeployBuild { Approved = false };
        var result = _harness.Run(build, "Deploy", "--environment", "staging");
        Assert.That(result.Output, Does.Contain("requires parameter --max-replicas (MaxReplicas)"));
        Assert.That(result.Output, Does.Contain("Target Deploy requires Approved, which is false"));
    }

    [Test]
    public void Satisfied_requirements_let_the_build_run()
    {
        var build = new DeployBuild();
        var result = _harness.Run(build, "Deploy", "--environment", "staging", "--max-replicas", "3");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.EqualTo(new[] { "Prepare", "Deploy" }));
    }

    [Test]
    public void Requirements_of_skipped_targets_are_not_checked()
    {
        var build = new DeployBuild { Approved = false };
        var result = _harness.Run(build, "Release");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Skipping Release: condition false: Approved"));
    }

    [Test]
    public void Secret_values_are_masked_in_logs_and_summary()
    {
        _harness.Environment["REGISTRY_TOKEN"] = Token;
        var result = _harness.Run(new DeployBuild(), "Push");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Not.Contain(Token));
        Assert.That(result.Output, Does.Contain("Logging in with ***** to registry.local"));
        Assert.That(result.Output, Does.Contain("login: token=*****"));
    }

    [Test]
    public void Secret_values_are_masked_in_process_output_and_invocation()
    {
        var result = _harness.Run(new DeployBuild(), "Echo", "--registry-token", Token);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Not.Contain(Token));
        Assert.That(result.Output, Does.Contain("pushing with *****"));
        Assert.That(result.Output, Does.Contain("> /bin/sh -c \"echo pushing with *****\""));
    }

    [Test]
    public void Secret_defaults_are_masked_in_help()
    {
        var build = new DeployBuild { RegistryToken = Token };
        var result = _harness.Run(build, "--help");
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Output, Does.Not.Contain(Token));
        Assert.That(result.Output, Does.Match(@"--registry-token\s+Registry token Default: \*\*\*\*\*"));
    }
    [Test]
    public void No_file_under_nuke_temp_holds_a_secret_value()
    {
        Assert.That(_harness.Run(new DeployBuild(), "Deploy", "--registry-token", Token, "--max-replicas", "3", "--environment", "dev", "--skip", "Prepare").ExitCode, Is.Zero);
        _harness.Run(new DeployBuild(), "Push", "--registry-token", Token, "--plan");
        _harness.Run(new DeployBuild(), "Push", "--registry-token", Token);
        _harness.Run(new DeployBuild(), "Push", "--registry-token", Token, "--continue");

        Assert.That(_harness.TemporaryFiles, Is.Not.Empty);
        foreach (var file in _harness.TemporaryFiles)
            Assert.That(file.ReadAllText(), Does.Not.Contain(Token), file.ToString());
    }

    [Test]
    public void A_failed_requirement_says_how_to_set_the_value_and_prints_the_summary()
    {
        var build = new DeployBuild();
        var result = _harness.Run(build, "Deploy", "--max-replicas", "3");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("or add \"Environment\": \"<value>\" to .nuke/parameters.json"));
        Assert.That(result.Output, Does.Match(@"Prepare\s+NotRun\s+requirements not met"));
        Assert.That(result.Output, Does.Match(@"Deploy\s+NotRun\s+requirements not met"));
        Assert.That(result.Output, Does.Match(@"Build failed on \d{4}-\d{2}-\d{2}"));
    }

    private sealed class FailingInitialisationBuild : RecordingBuild
    {
        public Target Prepare => _ => Record(_, nameof(Prepare));

        protected internal override void OnBuildInitialized() => throw new InvalidOperationException("init failed");
    }

    [Test]
    public void A_failure_in_OnBuildInitialized_names_the_hook_and_prints_the_summary()
    {
        var build = new FailingInitialisationBuild();
        var result = _harness.Run(build, "Prepare");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(build.Ran, Is.Empty);
        Assert.That(result.Output, Does.Contain("OnBuildInitialized failed: InvalidOperationException: init failed"));
        Assert.That(result.Output, Does.Match(@"Prepare\s+NotRun\s+OnBuildInitialized failed"));
        Assert.That(result.Output, Does.Match(@"Build failed on \d{4}-\d{2}-\d{2}"));
    }
}

internal static class SummaryExtensions
{
    public static Dictionary<string, string> SetItem(this Dictionary<string, string> figures, string key, string value)
    {
        figures[key] = value;
        return figures;
    }
}
