using System.Diagnostics;
using Spatial.Build.Tooling;

namespace Spatial.Tests.Build;

public sealed class ProcessTasksTests
{
    private static readonly string[] AwkwardArguments =
    [
        "plain", "with space", "", "quote\"inside", "back\\slash", "trailing\\", "both \\\" mixed", "'single'", "tab\there", "ünïcode",
    ];

    [Test]
    public void Quoted_arguments_round_trip_through_a_real_process()
    {
        // printf prints each argument on its own line, exactly as the process received it.
        var arguments = "%s\\n " + ArgumentQuoting.Join(AwkwardArguments);
        using var process = ProcessTasks.StartProcess("printf", arguments, logInvocation: false, logOutput: false);
        process.AssertZeroExitCode();
        var lines = process.Output.Where(x => x.Type == OutputType.Std).Select(x => x.Text).ToList();
        Assert.That(lines, Is.EqualTo(AwkwardArguments.Select(x => x.Replace("\t", "\t", StringComparison.Ordinal))));
    }

    [Test]
    public void Working_directory_and_environment_reach_the_process()
    {
        var directory = Directory.CreateTempSubdirectory("spatial-process-").FullName;
        try
        {
            using var process = ProcessTasks.StartProcess("/bin/sh", "-c \"pwd; echo $SPATIAL_PROBE\"", directory,
                new Dictionary<string, string> { ["SPATIAL_PROBE"] = "probe-value" }, logOutput: false);
            process.AssertZeroExitCode();
            Assert.That(process.Output.Select(x => x.Text), Is.EqualTo(new[] { directory, "probe-value" }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Output_is_captured_per_stream()
    {
        using var process = ProcessTasks.StartProcess("/bin/sh", "-c \"echo out; echo err 1>&2\"", logOutput: false);
        process.AssertZeroExitCode();
        Assert.That(process.Output, Does.Contain(new Output(OutputType.Std, "out")));
        Assert.That(process.Output, Does.Contain(new Output(OutputType.Err, "err")));
    }

    [Test]
    public void Non_zero_exit_code_throws_with_tool_exit_code_and_last_lines()
    {
        using var process = ProcessTasks.StartProcess("/bin/sh", "-c \"echo compiling; echo 'error CS1002: ; expected'; exit 3\"", logOutput: false);
        var exception = Assert.Throws<ProcessException>(() => process.AssertZeroExitCode())!;
        Assert.That(exception.ExitCode, Is.EqualTo(3));
        Assert.That(exception.ToolPath, Is.EqualTo("/bin/sh"));
        Assert.That(exception.Message, Does.Contain("'/bin/sh' exited with code 3"));
        Assert.That(exception.Message, Does.Contain("error CS1002: ; expected"));
    }

    [Test]
    public void Timeout_kills_the_whole_process_tree()
    {
        var stopwatch = Stopwatch.StartNew();
        // The child sleep would keep the output pipe open for 30 s if only the shell were killed.
        using var process = ProcessTasks.StartProcess("/bin/sh", "-c \"sleep 30 & sleep 30; wait\"", timeout: 500, logOutput: false);
        var exception = Assert.Throws<ProcessException>(() => process.AssertWaitForExit())!;
        Assert.That(exception.TimedOut, Is.True);
        Assert.That(exception.Message, Does.Contain("timed out after 500 ms"));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void Missing_tool_fails_with_a_clear_message()
    {
        var exception = Assert.Throws<ProcessException>(() => ProcessTasks.StartProcess("spatial-no-such-tool-xyz", logInvocation: false))!;
        Assert.That(exception.Message, Does.Contain("Could not start 'spatial-no-such-tool-xyz'").And.Contain("PATH"));
    }

    [Test]
    public void Missing_working_directory_fails_before_starting()
    {
        var exception = Assert.Throws<ProcessException>(() => ProcessTasks.StartProcess("/bin/sh", "-c true", "/nonexistent/spatial"))!;
        Assert.That(exception.Message, Does.Contain("working directory '/nonexistent/spatial' does not exist"));
    }

    [Test]
    public void Output_filter_masks_the_tail_in_exceptions()
    {
        using var process = ProcessTasks.StartProcess("/bin/sh", "-c \"echo key=hunter2; exit 1\"", logOutput: false,
            outputFilter: x => x.Replace("hunter2", "*****", StringComparison.Ordinal));
        var exception = Assert.Throws<ProcessException>(() => process.AssertZeroExitCode())!;
        Assert.That(exception.Message, Does.Contain("key=*****").And.Not.Contain("hunter2"));
    }
}
