using Spatial.Build;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;

namespace Spatial.Tests.Build;

public sealed class ToolSettingsTests
{
    [Test]
    public void DotNet_build_settings_render_nuke_style_arguments()
    {
        var settings = new DotNetBuildSettings()
            .SetProjectFile("src/My App.csproj")
            .SetConfiguration(Configuration.Release)
            .EnableNoRestore()
            .SetOutput("out dir")
            .SetRuntime("linux-x64")
            .SetSelfContained(false)
            .SetProperty("Version", "1.2.3")
            .SetVerbosity(DotNetVerbosity.Minimal);
        Assert.That(settings.GetArguments().Render(), Is.EqualTo(
            "build \"src/My App.csproj\" --configuration Release --runtime linux-x64 --output \"out dir\" --no-restore --self-contained false --verbosity minimal -p:Version=1.2.3"));
    }

    [Test]
    public void DotNet_test_settings_render_filter_loggers_and_results()
    {
        var settings = new DotNetTestSettings()
            .SetProjectFile("tests/X.Tests")
            .EnableNoBuild()
            .SetFilter("Category!=Gpu")
            .AddLoggers("trx", "console;verbosity=normal")
            .SetResultsDirectory("artifacts/tests");
        Assert.That(settings.GetArguments().Render(), Is.EqualTo(
            "test tests/X.Tests --no-build --filter Category!=Gpu --results-directory artifacts/tests --logger trx --logger console;verbosity=normal"));
    }

    [Test]
    public void Fluent_setters_return_copies_and_leave_the_original_unchanged()
    {
        var baseline = new DotNetPublishSettings().SetConfiguration("Debug");
        var changed = baseline.SetConfiguration("Release").SetProcessEnvironmentVariable("A", "1");
        Assert.That(baseline.Configuration, Is.EqualTo("Debug"));
        Assert.That(baseline.ProcessEnvironmentVariables, Is.Empty);
        Assert.That(changed.Configuration, Is.EqualTo("Release"));
        Assert.That(changed.ProcessEnvironmentVariables["A"], Is.EqualTo("1"));
    }

    [Test]
    public void Secret_arguments_are_masked_in_the_logged_form_only()
    {
        var arguments = new Arguments().Add("nuget").Add("--api-key {value}", "k3y-value", secret: true);
        Assert.That(arguments.Render(), Is.EqualTo("nuget --api-key k3y-value"));
        Assert.That(arguments.RenderForLog(), Is.EqualTo("nuget --api-key *****"));
    }

    [Test]
    public void Exit_handler_replaces_the_zero_exit_code_policy()
    {
        IProcess? seen = null;
        var settings = new ShellSettings("exit 4").SetProcessExitHandler((_, process) => seen = process).SetProcessLogOutput(false);
        ProcessTasks.Run(settings);
        Assert.That(seen!.ExitCode, Is.EqualTo(4));

        Assert.Throws<ProcessException>(() => ProcessTasks.Run(new ShellSettings("exit 4")));
    }

    [Test]
    public void DotNet_tasks_run_the_real_cli()
    {
        var output = DotNetTasks.DotNet("--version", logOutput: false);
        Assert.That(output.Single(x => x.Type == OutputType.Std).Text, Does.Match(@"^\d+\.\d+\.\d+"));
    }

    private sealed class ShellSettings(string script) : ToolSettings
    {
        public override string DefaultToolPath => "/bin/sh";

        protected override void ConfigureArguments(Arguments arguments) => arguments.Add("-c").Add(script);
    }
}
