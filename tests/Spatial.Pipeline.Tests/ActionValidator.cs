using System.Diagnostics;

namespace Spatial.Tests.Pipeline;

/// <summary>
/// Runs <c>@action-validator/cli</c> (pinned): from <c>ACTION_VALIDATOR</c> (set by CI), from the PATH, or through
/// <c>npm exec</c>. Missing, it ignores the test locally and fails it when <c>CI=true</c>.
/// </summary>
internal static class ActionValidator
{
    public const string Package = "@action-validator/cli@0.6.0";

    public sealed record Result(int ExitCode, string Output);

    public static Result Validate(string workflowFile, string workingDirectory)
    {
        var command = Locate();
        var result = Run(command.FileName, [.. command.Arguments, workflowFile], workingDirectory);
        // npm that cannot fetch the package means no validator, not an invalid workflow.
        if (command.ThroughNpm && result.ExitCode != 0 && result.Output.Contains("npm error", StringComparison.OrdinalIgnoreCase))
            Unavailable($"npm could not run {Package}: {result.Output.Trim()}");
        return result;
    }

    private sealed record Command(string FileName, string[] Arguments, bool ThroughNpm);

    private static Command Locate()
    {
        if (Environment.GetEnvironmentVariable("ACTION_VALIDATOR") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? new Command(configured, [], ThroughNpm: false)
                : throw new InvalidOperationException($"ACTION_VALIDATOR points at {configured}, which does not exist: install {Package} there.");
        }

        if (OnPath("action-validator") is { } installed)
            return new Command(installed, [], ThroughNpm: false);
        if (OnPath("npm") is { } npm)
            return new Command(npm, ["exec", "--yes", "--package=" + Package, "--", "action-validator"], ThroughNpm: true);
        Unavailable($"neither action-validator nor npm is on the PATH; install {Package} (npm install --prefix <dir> {Package}) and set ACTION_VALIDATOR");
        return null!;
    }

    private static void Unavailable(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"The workflow validator is required in CI: {reason}.");
        Assert.Ignore($"The workflow validator is not available: {reason}.");
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static Result Run(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within 2 minutes.");
        }

        return new Result(process.ExitCode, output.Result + error.Result);
    }
}
