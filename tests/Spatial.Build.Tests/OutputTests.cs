using System.Text.Json;
using Spatial.Build;
using Spectre.Console;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class OutputTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class ShowcaseBuild : RecordingBuild
    {
        [Parameter("Model version to validate")]
        public string? ModelVersion { get; set; }

        [Parameter("Build configuration")]
        public Configuration Configuration { get; set; } = Configuration.Debug;

        [Parameter("Ports to probe")]
        public int[] Ports { get; set; } = [];

        [Parameter("Hidden", List = false)]
        public string? Internal { get; set; }

        public Target Restore => _ => Record(_.Description("Restores packages"), nameof(Restore));
        public Target Compile => _ => Record(_.Description("Compiles the solution").DependsOn(Restore), nameof(Compile));
        public Target Lint => _ => Record(_.Before(Compile), nameof(Lint));
        public Target Report => _ => Record(_.TriggeredBy(Compile).Produces("artifacts/report/*.html"), nameof(Report));
        public Target Secretly => _ => Record(_.Unlisted(), nameof(Secretly));
        public Target Measure => _ => _.Executes(() => ReportSummary(x => { x["throughput"] = "412 img/s"; return x; }));
    }

    [Test]
    public void Help_lists_targets_with_dependencies_then_parameters_and_runs_nothing()
    {
        var build = new ShowcaseBuild();
        var result = _harness.RunWithDefaults(build, ["--help"], x => x.Compile);
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(build.Ran, Is.Empty);
        var output = result.Output;
        Assert.That(output.IndexOf("Targets (with their direct dependencies)", StringComparison.Ordinal), Is.LessThan(output.IndexOf("Parameters", StringComparison.Ordinal)));
        Assert.That(output, Does.Match(@"Compile \(default\)\s+-> Restore\s+Compiles the solution"));
        Assert.That(output, Does.Match(@"Restore\s+Restores packages"));
        Assert.That(output, Does.Not.Contain("Secretly"));
        Assert.That(output, Does.Match(@"--model-version\s+Model version to validate"));
        Assert.That(output, Does.Match(@"--configuration\s+Build configuration \(Debug, Release\) Default: Debug"));
        Assert.That(output, Does.Not.Contain("--internal"));
        Assert.That(output.IndexOf("--model-version", StringComparison.Ordinal), Is.LessThan(output.IndexOf("--verbosity", StringComparison.Ordinal)), "custom parameters come first");
    }

    [Test]
    public void Plan_prints_the_order_writes_a_self_contained_svg_graph_and_runs_nothing()
    {
        var build = new ShowcaseBuild();
        var result = _harness.Run(build, "Compile", "Lint", "--plan");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Ran, Is.Empty);
        Assert.That(result.Output, Does.Match(@"1\s+Restore[\s\S]*2\s+Lint \(invoked\)[\s\S]*3\s+Compile \(invoked\)[\s\S]*4\s+Report"));

        var html = (_harness.Root / ".nuke" / "temp" / "execution-plan.html").ReadAllText();
        Assert.That(html, Does.Not.Contain("<script"), "the page draws without a script");
        Assert.That(html, Does.Not.Match("(src|href)=\"https?:"), "the page loads nothing");
        Assert.That(html, Does.Contain("<path class=\"edge dependency\" data-from=\"Restore\" data-to=\"Compile\""));
        Assert.That(html, Does.Contain("<path class=\"edge ordering\" data-from=\"Lint\" data-to=\"Compile\""));
        Assert.That(html, Does.Contain("<path class=\"edge trigger\" data-from=\"Compile\" data-to=\"Report\""));
        Assert.That(html, Does.Contain("<g class=\"node planned\" data-target=\"Restore\"><title>Restore: Restores packages (step 1, Scheduled)</title>"));
        Assert.That(html, Does.Contain("<g class=\"node outside\" data-target=\"Measure\"><title>Measure: no description (not in this plan)</title>"));
        Assert.That(html, Does.Contain("Order: 1. Restore → 2. Lint → 3. Compile → 4. Report"));
    }

    [Test]
    public void Schema_lists_parameters_with_types_and_target_names()
    {
        _harness.Run(new ShowcaseBuild(), "--help");
        var file = _harness.Root / ".nuke" / "build.schema.json";
        using var schema = JsonDocument.Parse(file.ReadAllText());
        var definitions = schema.RootElement.GetProperty("definitions");
        var targets = definitions.GetProperty("ExecutableTarget").GetProperty("enum").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.That(targets, Is.EqualTo(new[] { "Restore", "Compile", "Lint", "Report", "Secretly", "Measure" }));
        Assert.That(definitions.GetProperty("Configuration").GetProperty("enum").EnumerateArray().Select(x => x.GetString()), Is.EqualTo(new[] { "Debug", "Release" }));
        var properties = schema.RootElement.GetProperty("allOf")[0].GetProperty("properties");
        Assert.That(properties.GetProperty("ModelVersion").GetProperty("type").GetString(), Is.EqualTo("string"));
        Assert.That(properties.GetProperty("Ports").GetProperty("items").GetProperty("type").GetString(), Is.EqualTo("integer"));
        Assert.That(properties.GetProperty("Configuration").GetProperty("$ref").GetString(), Is.EqualTo("#/definitions/Configuration"));
    }

    [Test]
    public void Schema_is_rewritten_only_when_its_content_changes()
    {
        var file = _harness.Root / ".nuke" / "build.schema.json";
        _harness.Run(new ShowcaseBuild(), "--help");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, stamp);
        _harness.Run(new ShowcaseBuild(), "--help");
        Assert.That(File.GetLastWriteTimeUtc(file), Is.EqualTo(stamp));

        file.WriteAllText("{}");
        _harness.Run(new ShowcaseBuild(), "--help");
        Assert.That(file.ReadAllText(), Does.Contain("ExecutableTarget"));
    }

    [Test]
    public void Summary_table_lists_status_duration_and_reported_figures()
    {
        var result = _harness.Run(new ShowcaseBuild(), "Measure", "Restore");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"Measure\s+Succeeded\s+(< 1 sec)?\s+throughput: 412 img/s"));
        Assert.That(result.Output, Does.Match(@"Total\s+"));
        Assert.That(result.Output, Does.Match(@"Build succeeded on \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"));
    }

    [Test]
    public void Verbosity_verbose_shows_everything()
    {
        var verbose = _harness.Run(new LoggingBuild(), "Talk", "--verbosity", "verbose");
        Assert.That(verbose.Output, Does.Contain("chatty").And.Contain("tiny detail"));
    }

    [Test]
    public void Verbosity_quiet_prints_errors_only_without_header_or_frames()
    {
        var result = _harness.Run(new LoggingBuild(), "Talk", "Fail", "--verbosity", "quiet");
        Assert.That(result.Output, Does.Not.Contain("LoggingBuild:"), "header");
        Assert.That(result.Output, Does.Not.Contain("careful"));
        Assert.That(result.Output, Does.Not.Contain("table row"), "tables written through AnsiConsole follow the verbosity");
        Assert.That(result.Output, Does.Contain("broken pipe"));
        Assert.That(result.Output, Does.Contain("Target Fail failed"));
    }

    [Test]
    public void Verbosity_minimal_prints_warnings_and_errors_but_no_information()
    {
        var result = _harness.Run(new LoggingBuild(), "Talk", "--verbosity", "minimal");
        Assert.That(result.Output, Does.Not.Contain("chatty"));
        Assert.That(result.Output, Does.Contain("careful"));
    }

    [Test]
    public void Tables_written_through_AnsiConsole_are_masked_and_not_wrapped_at_80_columns()
    {
        _harness.Environment["TOKEN"] = "s3cr3t-value";
        var result = _harness.Run(new LoggingBuild(), "Talk");
        Assert.That(result.Output, Does.Contain("table row " + new string('x', 100)));
        Assert.That(result.Output, Does.Contain("token *****"));
        Assert.That(result.Output, Does.Not.Contain("s3cr3t-value"));
    }

    [Test]
    public void Log_Error_with_an_exception_prints_the_message_and_the_exception()
    {
        var result = _harness.Run(new LoggingBuild(), "Fail");
        Assert.That(result.Output, Does.Contain("upload of report.json failed"));
        Assert.That(result.Output, Does.Contain("System.IO.IOException: broken pipe"));
    }

    private sealed class LoggingBuild : NukeBuild
    {
        [Parameter("Token"), Secret]
        public string? Token { get; set; }

        public Target Talk => _ => _.Executes(() =>
        {
            Log.Information("chatty {Count} lines", 3);
            Log.Warning("careful");
            Log.Verbose("tiny detail");
            var table = new Table().AddColumn("Check");
            table.AddRow("table row " + new string('x', 100));
            table.AddRow(Markup.Escape("token " + Token));
            AnsiConsole.Write(table);
        });

        public Target Fail => _ => _.Executes(() =>
        {
            Log.Error(new IOException("broken pipe"), "upload of {File} failed", "report.json");
            Spatial.Build.Assert.Fail("upload failed");
        });
    }
}
