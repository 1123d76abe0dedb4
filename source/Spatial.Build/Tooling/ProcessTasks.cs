using System.Diagnostics;

namespace Spatial.Build.Tooling;

/// <summary>Starts external processes with captured output, secret masking and an exit-code policy.</summary>
public static class ProcessTasks
{
    /// <summary>Starts a process. <paramref name="timeout"/> is in milliseconds; <paramref name="environmentVariables"/> add to the inherited environment.</summary>
    public static IProcess StartProcess(
        string toolPath,
        string? arguments = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        int? timeout = null,
        bool? logOutput = null,
        bool? logInvocation = null,
        Func<string, string>? outputFilter = null) =>
        Start(toolPath, arguments ?? string.Empty, arguments ?? string.Empty, workingDirectory, environmentVariables, timeout, logOutput, logInvocation, outputFilter);

    /// <summary>Starts the tool the settings describe (secret arguments masked in the logged invocation and output).</summary>
    public static IProcess StartProcess(ToolSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = settings.GetArguments();
        var secrets = arguments.Secrets.Where(x => x.Length > 0).ToList();
        string Filter(string text) => secrets.Aggregate(text, (current, secret) => current.Replace(secret, Logging.SecretMask.Mask, StringComparison.Ordinal));
        return Start(settings.ToolPath, arguments.Render(), arguments.RenderForLog(), settings.ProcessWorkingDirectory, settings.ProcessEnvironmentVariables,
            settings.ProcessExecutionTimeout, settings.ProcessLogOutput, settings.ProcessLogInvocation, Filter);
    }

    /// <summary>Starts the tool, waits, applies the settings' exit handler (non-zero fails by default) and returns the output.</summary>
    public static IReadOnlyCollection<Output> Run(ToolSettings settings)
    {
        using var process = StartProcess(settings);
        process.AssertWaitForExit();
        if (settings.ProcessExitHandler is { } handler)
            handler(settings, process);
        else
            process.AssertZeroExitCode();
        return process.Output;
    }

    /// <summary>Kills every process started through these tasks that is still running, with its children (Ctrl+C).</summary>
    public static void KillRunningProcesses() => ToolProcess.KillAll();

    private static ToolProcess Start(
        string toolPath,
        string arguments,
        string loggedArguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string>? environmentVariables,
        int? timeout,
        bool? logOutput,
        bool? logInvocation,
        Func<string, string>? outputFilter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolPath);
        if (workingDirectory is not null && !Directory.Exists(workingDirectory))
            throw new ProcessException($"Cannot start '{toolPath}': working directory '{workingDirectory}' does not exist.");
        var filter = outputFilter ?? (x => x);
        var log = Log.Current;
        if (logInvocation ?? true)
            Log.WriteTo(log, Logging.LogLevel.Information, filter($"> {toolPath} {loggedArguments}".TrimEnd()));
        var startInfo = new ProcessStartInfo(toolPath, arguments)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var (name, value) in environmentVariables ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;
        return ToolProcess.Start(startInfo, timeout, filter, log, logOutput ?? true);
    }
}
