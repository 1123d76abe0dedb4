using Spatial.Build.IO;
using Spatial.Build.Tooling;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build.Bootstrap;

/// <summary>build.sh and build.ps1 (under pwsh, on this OS) behave alike: help, plan, exit codes, warm runs that build nothing.</summary>
[Category("Bootstrap")]
public sealed class BootstrapScriptTests
{
    private const string PwshInstall = "dotnet tool install --tool-path <dir> PowerShell --version 7.6.9, then put <dir> on PATH";

    private static readonly AbsolutePath Root = RepositoryRoot.Directory;
    private static readonly AbsolutePath Stamp = Root / ".nuke" / "temp" / "build-project.stamp";
    private static readonly AbsolutePath BuildAssembly = Root / "build" / "bin" / "Debug" / "net10.0" / "_build.dll";

    public enum Shell
    {
        Bash,
        Pwsh,
    }

    private static (int ExitCode, string Output) Bootstrap(Shell shell, params string[] arguments)
    {
        var (tool, script) = shell == Shell.Bash
            ? ("bash", "build.sh")
            : (ExternalTool.Require("SPATIAL_REQUIRE_PWSH", PwshInstall, "pwsh"), "build.ps1");
        // -NoProfile: a user's profile must not change what the script does.
        var prefix = shell == Shell.Pwsh ? "-NoProfile -File " : string.Empty;
        using var process = ProcessTasks.StartProcess(tool, prefix + ArgumentQuoting.Join([script, .. arguments]), Root,
            timeout: 600_000, logOutput: false, logInvocation: false);
        process.AssertWaitForExit();
        return (process.ExitCode, string.Join('\n', process.Output.Select(x => x.Text)));
    }

    [TestCase(Shell.Bash)]
    [TestCase(Shell.Pwsh)]
    public void Help_lists_targets_and_exits_zero(Shell shell)
    {
        var (exitCode, output) = Bootstrap(shell, "--help");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Targets (with their direct dependencies):"));
        Assert.That(output, Does.Match(@"Deploy \(default\)\s+-> PerformanceTests, SecurityScan"));
        Assert.That(output, Does.Contain("Parameters:"));
    }

    [TestCase(Shell.Bash)]
    [TestCase(Shell.Pwsh)]
    public void Plan_prints_the_order_and_writes_the_page(Shell shell)
    {
        var (exitCode, output) = Bootstrap(shell, "--plan", "Deploy");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Match(@"1\s+Restore\s+Scheduled"));
        Assert.That(output, Does.Contain("Deploy (invoked)"));
        Assert.That((Root / ".nuke" / "temp" / "execution-plan.html").FileExists());
    }

    [TestCase(Shell.Bash)]
    [TestCase(Shell.Pwsh)]
    public void An_unknown_target_passes_exit_code_1_through(Shell shell)
    {
        var (exitCode, output) = Bootstrap(shell, "Deploi");
        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Target 'Deploi' is not defined. Did you mean 'Deploy'?"));
    }

    [TestCase(Shell.Bash)]
    [TestCase(Shell.Pwsh)]
    public void A_warm_run_builds_nothing(Shell shell)
    {
        var (firstExit, firstOutput) = Bootstrap(shell, "--help");
        Assert.That(firstExit, Is.Zero, firstOutput);
        var stamp = File.GetLastWriteTimeUtc(Stamp);
        var assembly = File.GetLastWriteTimeUtc(BuildAssembly);

        var (exitCode, output) = Bootstrap(shell, "--help");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(File.GetLastWriteTimeUtc(Stamp), Is.EqualTo(stamp), "the build stamp was rewritten: the build project was built again");
        Assert.That(File.GetLastWriteTimeUtc(BuildAssembly), Is.EqualTo(assembly), "_build.dll was rewritten");
    }
}
