namespace Spatial.Deployment.Docker;

/// <summary>A started container. Disposing it stops it (short grace) and removes it, whatever state it is in.</summary>
public sealed class DockerContainer : IAsyncDisposable
{
    private readonly IDockerContainers _containers;
    private readonly IReadOnlyDictionary<int, int> _hostPorts;

    internal DockerContainer(IDockerContainers containers, ContainerSpec spec, string id, string name, IReadOnlyDictionary<int, int> hostPorts)
    {
        _containers = containers;
        _hostPorts = hostPorts;
        Spec = spec;
        Id = id;
        Name = name;
    }

    /// <summary>What it was started from.</summary>
    public ContainerSpec Spec { get; }

    /// <summary>Container id.</summary>
    public string Id { get; }

    /// <summary>Container name.</summary>
    public string Name { get; }

    /// <summary>How long <see cref="DisposeAsync"/> lets the process shut down before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The 127.0.0.1 host port that <paramref name="containerPort"/> is published on.</summary>
    public int GetHostPort(int containerPort) => _hostPorts.TryGetValue(containerPort, out var port)
        ? port
        : throw new InvalidOperationException($"container {Name} does not publish port {containerPort}; published: {string.Join(", ", _hostPorts.Keys)}");

    /// <summary><c>http://127.0.0.1:&lt;host port&gt;/</c> for a published container port.</summary>
    public Uri GetBaseAddress(int containerPort) => new($"http://127.0.0.1:{GetHostPort(containerPort)}/");

    /// <summary>Current state as the engine reports it.</summary>
    public async Task<ContainerDetails> InspectAsync(CancellationToken cancellationToken = default) =>
        await _containers.InspectAsync(Id, cancellationToken) ?? throw new InvalidOperationException($"container {Name} no longer exists");

    /// <summary>Everything it has written to stdout and stderr so far.</summary>
    public Task<string> GetLogsAsync(CancellationToken cancellationToken = default) => _containers.GetLogsAsync(Id, cancellationToken);

    /// <summary>Numeric user ids of its running processes: the proof that it runs as non-root.</summary>
    public Task<IReadOnlyList<int>> GetProcessUidsAsync(CancellationToken cancellationToken = default) => _containers.GetProcessUidsAsync(Id, cancellationToken);

    /// <summary>
    /// Polls <paramref name="strategy"/> until it reports ready; throws <see cref="ContainerNotReadyException"/> (carrying the
    /// container's logs) when the container stops, the strategy gives up, or <paramref name="timeout"/> passes.
    /// </summary>
    public Task WaitUntilReadyAsync(IWaitStrategy strategy, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ContainerReadiness.WaitAsync(this, strategy, timeout, TimeSpan.FromMilliseconds(250), cancellationToken);

    /// <summary>Stops (SIGTERM, then SIGKILL after <see cref="StopGrace"/>) without removing.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _containers.StopAsync(Id, StopGrace, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _containers.StopAsync(Id, StopGrace, CancellationToken.None);
        await _containers.RemoveAsync(Id, CancellationToken.None);
    }
}
