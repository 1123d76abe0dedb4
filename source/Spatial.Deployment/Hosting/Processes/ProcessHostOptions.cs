using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Hosting.Processes;

/// <summary>How the process host runs: where it keeps its state and which run it acts for.</summary>
/// <param name="StateDirectory">Outside any checkout: releases (frozen copies of the published folders), instance records and logs.</param>
/// <param name="Run">The run whose instances this host starts.</param>
public sealed record ProcessHostOptions(string StateDirectory, DockerRun Run)
{
    /// <summary>How long a stopping instance may drain in-flight requests before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many prepared releases are kept; older ones that nothing runs are deleted.</summary>
    public int ReleasesKept { get; init; } = 5;

    /// <summary><c>$XDG_STATE_HOME/spatial</c>, else <c>~/.local/state/spatial</c>: per user, outside the repository.</summary>
    public static string DefaultStateDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return Path.Combine(root, "spatial");
    }
}
