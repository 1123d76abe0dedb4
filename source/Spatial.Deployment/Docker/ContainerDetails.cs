namespace Spatial.Deployment.Docker;

/// <summary>What the engine reports about a container.</summary>
/// <param name="Id">Container id.</param>
/// <param name="Name">Container name, without the leading slash.</param>
/// <param name="Image">The image id it runs.</param>
/// <param name="Status">Engine state: created, running, exited, …</param>
/// <param name="Running">Whether its process is running.</param>
/// <param name="ExitCode">Exit code once it has stopped.</param>
/// <param name="OomKilled">Whether the kernel killed it for exceeding its memory limit.</param>
/// <param name="HealthStatus">starting, healthy or unhealthy; null when the image has no <c>HEALTHCHECK</c>.</param>
/// <param name="LastHealthOutput">Output of the most recent health probe, if any.</param>
/// <param name="User">The user it runs as (from its config), empty for root.</param>
/// <param name="Labels">Container labels.</param>
/// <param name="MemoryLimitBytes">The memory limit, 0 for none.</param>
/// <param name="ReadOnlyRootFilesystem">Whether the root filesystem is read-only.</param>
/// <param name="HostPorts">Published container TCP port to host port on 127.0.0.1.</param>
public sealed record ContainerDetails(
    string Id,
    string Name,
    string Image,
    string Status,
    bool Running,
    long ExitCode,
    bool OomKilled,
    string? HealthStatus,
    string? LastHealthOutput,
    string User,
    IReadOnlyDictionary<string, string> Labels,
    long MemoryLimitBytes,
    bool ReadOnlyRootFilesystem,
    IReadOnlyDictionary<int, int> HostPorts);
