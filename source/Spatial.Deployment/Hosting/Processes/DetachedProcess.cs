using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Spatial.Deployment.Hosting.Processes;

/// <summary>
/// Starts a program in its own session with its output appended to a log file, so it survives the build (and a
/// Ctrl+C in the build's terminal), and signals it later by pid.
/// </summary>
internal static class DetachedProcess
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Starts <paramref name="program"/>; returns its pid (setsid execs in place, so it is the program's).</summary>
    public static int Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        // exec keeps the pid: sh becomes setsid, which becomes the program.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid \"$0\" \"$@\" >>\"$SPATIAL_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["SPATIAL_LOG"] = logPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        return process.Id;
    }

    /// <summary>Sends SIGTERM; false when there is no such process.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>Sends SIGKILL; false when there is no such process.</summary>
    public static bool ForceKill(int pid) => Kill(pid, SigKill) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
