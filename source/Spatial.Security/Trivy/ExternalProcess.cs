using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Spatial.Security.Trivy;

/// <summary>What a finished external process left: its exit code and its output.</summary>
/// <param name="ExitCode">The exit code; -1 when it timed out and was killed.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Trivy's own error lines (FATAL/ERROR) when it wrote any, else the last lines of its output.</summary>
    public string Problem()
    {
        var errors = (StandardError + "\n" + StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal) || l.StartsWith("Error:", StringComparison.Ordinal))
            .ToList();
        return errors.Count > 0 ? string.Join(Environment.NewLine, errors.TakeLast(4)) : Tail();
    }

    /// <summary>The last non-empty lines of stderr (then stdout), for error messages.</summary>
    public string Tail(int lines = 8) =>
        string.Join(Environment.NewLine, (StandardError.Length > 0 ? StandardError : StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
}

/// <summary>Runs an external command with an argument list, captured output and a hard time limit (the process tree is killed).</summary>
internal static class ExternalProcess
{
    public static async Task<ProcessResult> RunAsync(string executable, IEnumerable<string> arguments, string? workingDirectory, TimeSpan limit, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new TrivyException($"could not start '{executable}': {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessResult(-1, stdout.ToString(), $"{stderr}killed after {limit.TotalSeconds:0} s");
        }

        // The parameterless wait drains the redirected streams.
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
