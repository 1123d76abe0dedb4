using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class CommandLineTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class SettingsBuild : NukeBuild
    {
        [Parameter("Model version to validate")]
        public string? ModelVersion { get; set; }

        [Parameter("Replica count")]
        public int Replicas { get; set; } = 1;

        [Parameter("Region")]
        public string Region { get; set; } = "eu";

        [Parameter("Release version (default: 0.1.0)")]
        public string ImageVersion { get; set; } = "0.1.0";

        [Parameter("Where reports go")]
        public AbsolutePath? ReportDirectory { get; set; }

        public Target Show => _ => _.Executes(() => { });
    }

    [Test]
    public void Dash_h_shows_the_help()
    {
        var result = _harness.Run(new SettingsBuild(), "-h");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Targets (with their direct dependencies):"));
        Assert.That(result.Output, Does.Not.Contain("Unknown parameter"));
    }

    [TestCase("--profile", "ci", "gpu")]
    [TestCase("--profile", "ci", "--profile", "gpu")]
    public void Several_profiles_apply_in_order_the_later_winning(params string[] profileArguments)
    {
        _harness.WriteParameters("""{ "ModelVersion": "from-defaults", "Replicas": 2, "Region": "us" }""");
        _harness.WriteParameters("""{ "ModelVersion": "from-ci", "Replicas": 3 }""", "ci");
        _harness.WriteParameters("""{ "ModelVersion": "from-gpu" }""", "gpu");
        var build = new SettingsBuild();
        var result = _harness.Run(build, ["Show", .. profileArguments]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.ModelVersion, Is.EqualTo("from-gpu"));
        Assert.That(build.Replicas, Is.EqualTo(3), "ci applies where gpu is silent");
        Assert.That(build.Region, Is.EqualTo("us"), "parameters.json applies where no profile speaks");
    }

    [Test]
    public void Verbosity_without_a_value_fails_naming_the_accepted_values()
    {
        var result = _harness.Run(new SettingsBuild(), "Show", "--verbosity");
        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Parameter --verbosity needs a value (one of Quiet, Minimal, Normal, Verbose)."));
    }

    [Test]
    public void A_misspelt_key_in_parameters_json_fails_with_the_closest_name()
    {
        _harness.WriteParameters("""{ "$schema": "./build.schema.json", "Replicsa": 4 }""");
        var result = _harness.Run(new SettingsBuild(), "Show");
        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Unknown parameter 'Replicsa' in parameters.json. Did you mean 'Replicas'?"));
    }

    [Test]
    public void A_misspelt_key_in_a_profile_fails_naming_the_profile_file()
    {
        _harness.WriteParameters("""{ "Regoin": "us" }""", "ci");
        var result = _harness.Run(new SettingsBuild(), "Show", "--profile", "ci");
        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Unknown parameter 'Regoin' in parameters.ci.json. Did you mean 'Region'?"));
    }

    [Test]
    public void An_engine_switch_in_parameters_json_fails_instead_of_being_ignored()
    {
        _harness.WriteParameters("""{ "Verbosity": "quiet" }""");
        var result = _harness.Run(new SettingsBuild(), "Show");
        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("'Verbosity' in parameters.json is an engine switch, read from the command line only: pass --verbosity instead."));
    }

    [Test]
    public void A_path_from_parameters_json_resolves_against_the_root_directory()
    {
        var elsewhere = (_harness.Root / "source" / "deep").CreateDirectory();
        _harness.WorkingDirectory = elsewhere;
        _harness.WriteParameters("""{ "ReportDirectory": "artifacts/reports" }""");
        var build = new SettingsBuild();
        var result = _harness.Run(build, "Show");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.ReportDirectory, Is.EqualTo(_harness.Root / "artifacts" / "reports"));

        var fromCommandLine = new SettingsBuild();
        _harness.Run(fromCommandLine, "Show", "--report-directory", "out");
        Assert.That(fromCommandLine.ReportDirectory, Is.EqualTo(elsewhere / "out"), "the command line stays relative to where it was typed");
    }

    [Test]
    public void Help_says_where_a_value_in_effect_came_from_and_keeps_default_for_the_members_own()
    {
        _harness.Environment["IMAGE_VERSION"] = "2.0.0";
        var result = _harness.Run(new SettingsBuild(), "--help");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"--image-version\s+Release version \(default: 0\.1\.0\) Value: 2\.0\.0 \(from environment variable IMAGE_VERSION\)\."));
        Assert.That(result.Output, Does.Not.Contain("Default: 2.0.0"));
        Assert.That(result.Output, Does.Match(@"--region\s+Region Default: eu\."));
    }
}
