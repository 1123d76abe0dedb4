using Spatial.Build;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class ParameterSourceTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class ParameterBuild : NukeBuild
    {
        [Parameter("Model version to validate")]
        public string? ModelVersion { get; set; }

        [Parameter("Replica count")]
        public int Replicas = 1;

        [Parameter("Tags")]
        public string[] Tags { get; set; } = [];

        [Parameter("Region")]
        public readonly string Region = "eu";

        [Parameter("Dry run")]
        public bool DryRun { get; set; }

        [Parameter("NuGet API endpoint")]
        public string? NuGetSource { get; set; }

        public Target Show => _ => _.Executes(() => { });
    }

    [Test]
    public void Command_line_wins_over_every_other_source()
    {
        _harness.WriteParameters("""{ "$schema": "./build.schema.json", "ModelVersion": "from-json" }""");
        _harness.WriteParameters("""{ "ModelVersion": "from-profile" }""", "ci");
        _harness.Environment["NUKE_MODEL_VERSION"] = "from-nuke-env";
        _harness.Environment["MODEL_VERSION"] = "from-env";
        var build = new ParameterBuild();
        _harness.Run(build, "Show", "--profile", "ci", "--model-version", "from-cli");
        Assert.That(build.ModelVersion, Is.EqualTo("from-cli"));
    }

    [Test]
    public void Environment_wins_over_NUKE_prefixed_environment_and_files()
    {
        _harness.WriteParameters("""{ "ModelVersion": "from-json" }""");
        _harness.Environment["NUKE_MODEL_VERSION"] = "from-nuke-env";
        _harness.Environment["model_version"] = "from-env";
        var build = new ParameterBuild();
        _harness.Run(build, "Show");
        Assert.That(build.ModelVersion, Is.EqualTo("from-env"));
    }

    [Test]
    public void Exact_environment_name_is_found()
    {
        _harness.Environment["ModelVersion"] = "exact";
        var build = new ParameterBuild();
        _harness.Run(build, "Show");
        Assert.That(build.ModelVersion, Is.EqualTo("exact"));
    }

    [Test]
    public void NUKE_prefixed_environment_wins_over_profile_and_parameters_json()
    {
        _harness.WriteParameters("""{ "ModelVersion": "from-json" }""");
        _harness.WriteParameters("""{ "ModelVersion": "from-profile" }""", "ci");
        _harness.Environment["NUKE_MODEL_VERSION"] = "from-nuke-env";
        var build = new ParameterBuild();
        _harness.Run(build, "Show", "--profile", "ci");
        Assert.That(build.ModelVersion, Is.EqualTo("from-nuke-env"));
    }

    [Test]
    public void Profile_is_layered_over_parameters_json()
    {
        _harness.WriteParameters("""{ "$schema": "./build.schema.json", "ModelVersion": "from-json", "Replicas": 3 }""");
        _harness.WriteParameters("""{ "ModelVersion": "from-profile" }""", "ci");
        var build = new ParameterBuild();
        _harness.Run(build, "Show", "--profile", "ci");
        Assert.That(build.ModelVersion, Is.EqualTo("from-profile"));
        Assert.That(build.Replicas, Is.EqualTo(3), "keys the profile does not set come from parameters.json");
    }

    [Test]
    public void Missing_profile_file_fails_naming_the_file()
    {
        var result = _harness.Run(new ParameterBuild(), "Show", "--profile", "nope");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Profile 'nope' not found").And.Contain("parameters.nope.json"));
    }

    [Test]
    public void Readonly_fields_are_injected()
    {
        var build = new ParameterBuild();
        _harness.Run(build, "Show", "--region", "us");
        Assert.That(build.Region, Is.EqualTo("us"));
    }

    [Test]
    public void Defaults_stay_when_no_source_gives_a_value()
    {
        var build = new ParameterBuild();
        _harness.Run(build, "Show");
        Assert.That(build.Replicas, Is.EqualTo(1));
        Assert.That(build.Region, Is.EqualTo("eu"));
        Assert.That(build.ModelVersion, Is.Null);
    }

    [Test]
    public void Values_run_until_the_next_option_and_the_last_occurrence_wins()
    {
        var build = new ParameterBuild();
        _harness.Run(build, "Show", "--tags", "a", "b", "--replicas", "2", "--tags", "c", "d", "e", "--dry-run");
        Assert.That(build.Tags, Is.EqualTo(new[] { "c", "d", "e" }));
        Assert.That(build.Replicas, Is.EqualTo(2));
        Assert.That(build.DryRun, Is.True, "a bare switch means true");
    }

    [Test]
    public void Matching_ignores_case_and_dashes_and_keeps_compound_words()
    {
        var build = new ParameterBuild();
        var result = _harness.Run(build, "Show", "--MODELVERSION", "v7", "--nuget-source", "https://feed");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.ModelVersion, Is.EqualTo("v7"));
        Assert.That(build.NuGetSource, Is.EqualTo("https://feed"));
    }

    [Test]
    public void Arrays_come_from_environment_and_json_arrays()
    {
        _harness.Environment["TAGS"] = "x y  z";
        var fromEnvironment = new ParameterBuild();
        _harness.Run(fromEnvironment, "Show");
        Assert.That(fromEnvironment.Tags, Is.EqualTo(new[] { "x", "y", "z" }));

        _harness.Environment.Clear();
        _harness.WriteParameters("""{ "Tags": ["p", "q"], "DryRun": true }""");
        var fromJson = new ParameterBuild();
        _harness.Run(fromJson, "Show");
        Assert.That(fromJson.Tags, Is.EqualTo(new[] { "p", "q" }));
        Assert.That(fromJson.DryRun, Is.True);
    }

    [Test]
    public void Unknown_parameter_fails_with_the_closest_suggestion()
    {
        var build = new ParameterBuild();
        var result = _harness.Run(build, "Show", "--modle-version", "1");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("Unknown parameter '--modle-version'. Did you mean --model-version?"));
    }

    [Test]
    public void Engine_switches_are_not_unknown_parameters()
    {
        var result = _harness.Run(new ParameterBuild(), "Show", "--no-logo", "--verbosity", "minimal", "--root", _harness.Root);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void Invalid_json_fails_with_the_file_name()
    {
        _harness.WriteParameters("{ \"ModelVersion\": ");
        var result = _harness.Run(new ParameterBuild(), "Show");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("parameters.json is not valid JSON"));
    }

    [Test]
    public void Root_is_found_by_walking_up_to_the_nuke_folder()
    {
        var nested = (_harness.Root / "a" / "b").CreateDirectory();
        var build = new RootBuild();
        using var output = new StringWriter();
        var exitCode = BuildRunner.Run(build, new BuildRunOptions { Arguments = ["Show"], WorkingDirectory = nested, Output = output });
        Assert.That(exitCode, Is.Zero, output.ToString());
        Assert.That(build.SeenRoot, Is.EqualTo((string)_harness.Root));
        Assert.That(build.SeenTemp, Is.EqualTo((string)(_harness.Root / ".nuke" / "temp")));
    }

    private sealed class RootBuild : NukeBuild
    {
        public string? SeenRoot { get; private set; }
        public string? SeenTemp { get; private set; }

        public Target Show => _ => _.Executes(() =>
        {
            SeenRoot = RootDirectory;
            SeenTemp = TemporaryDirectory;
        });
    }
}
