using System.Diagnostics;
using System.Globalization;

namespace Spatial.Deployment.Hosting;

/// <summary>
/// A process named so that a reused pid is not mistaken for it: its pid plus its start time (clock ticks since boot
/// from <c>/proc/&lt;pid&gt;/stat</c> on Linux, the start time elsewhere), and the machine it runs on.
/// </summary>
/// <param name="Machine">The machine name.</param>
/// <param name="Pid">The process id.</param>
/// <param name="StartTime">The process's start time in the form this machine reports it.</param>
public sealed record ProcessIdentity(string Machine, int Pid, string StartTime)
{
    /// <summary>This process.</summary>
    public static ProcessIdentity Current { get; } = Of(Environment.ProcessId) ?? new ProcessIdentity(Environment.MachineName, Environment.ProcessId, "");

    /// <summary>The identity of a running process, or null when there is none with that pid.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        var start = StartTimeOf(pid);
        return start is null ? null : new ProcessIdentity(Environment.MachineName, pid, start);
    }

    /// <summary>Whether this very process still runs (same pid and start time on this machine). Other machines' processes count as alive: they cannot be checked from here.</summary>
    public bool IsAlive => Machine != Environment.MachineName || StartTimeOf(Pid) is { } start && start == StartTime;

    /// <summary><c>machine:pid:start-time</c>, as labels carry it.</summary>
    public override string ToString() => $"{Machine}:{Pid.ToString(CultureInfo.InvariantCulture)}:{StartTime}";

    /// <summary>Reads the label form back; null when malformed.</summary>
    public static ProcessIdentity? Parse(string? text)
    {
        var parts = text?.Split(':');
        return parts is { Length: 3 } && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? new ProcessIdentity(parts[0], pid, parts[2])
            : null;
    }

    private static string? StartTimeOf(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // Field 22 (starttime) comes after the command name, which may itself hold spaces and parentheses.
                var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // A zombie (Z) or dead (X) process has exited; only its parent has not reaped it yet.
                return fields.Length > 19 && fields[0] is not ("Z" or "X") ? fields[19] : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
