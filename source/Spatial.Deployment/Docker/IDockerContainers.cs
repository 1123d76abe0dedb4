namespace Spatial.Deployment.Docker;

/// <summary>Container operations on one engine.</summary>
public interface IDockerContainers
{
    /// <summary>Creates and starts a container from <paramref name="spec"/>; the returned handle stops and removes it when disposed.</summary>
    Task<DockerContainer> StartAsync(ContainerSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Creates a container from <paramref name="spec"/> without starting it; its name makes it unique (a second creation fails with 409 Conflict).</summary>
    Task<string> CreateAsync(ContainerSpec spec, CancellationToken cancellationToken = default);

    /// <summary>The container <paramref name="id"/>, or null when the engine has none.</summary>
    Task<ContainerDetails?> InspectAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every container (running or not) that carries all of <paramref name="labels"/> (a value of null matches any value).</summary>
    Task<IReadOnlyList<ContainerDetails>> ListAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken = default);

    /// <summary>Everything the container has written to stdout and stderr so far, interleaved as written.</summary>
    Task<string> GetLogsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Numeric user ids of the processes running in the container, as the host's <c>ps</c> sees them.</summary>
    Task<IReadOnlyList<int>> GetProcessUidsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Sends SIGTERM, then SIGKILL after <paramref name="grace"/>; a container already stopped or gone is fine.</summary>
    Task StopAsync(string id, TimeSpan grace, CancellationToken cancellationToken = default);

    /// <summary>Removes the container (killing it if needed) and its anonymous volumes; false when it did not exist.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
