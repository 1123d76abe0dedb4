using System.Diagnostics;

namespace Spatial.Deployment;

/// <summary>Runs a short external command and captures its output; a missing program is a result, not a crash.</summary>
internal static class ExternalCommand
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, string? StartError);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The OS message only repeats the file name and working directory.
            return new Result(-1, "", "", $"{fileName} is not on PATH");
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, "", "", $"{fileName} did not answer within {timeout.TotalSeconds:0} s");
        }
        return new Result(process.ExitCode, (await stdout).Trim(), (await stderr).Trim(), null);
    }
}
