namespace Spatial.Deployment.Docker;

/// <summary>
/// How to run a container; immutable, refine it with <c>with</c>. Published ports are bound on 127.0.0.1 only,
/// each to a free host port the engine picks.
/// </summary>
/// <param name="Run">The run the container belongs to; its label is always set.</param>
/// <param name="Image">Image name or id.</param>
public sealed record ContainerSpec(DockerRun Run, string Image)
{
    /// <summary>Container name; null lets the engine pick one.</summary>
    public string? Name { get; init; }

    /// <summary>Replaces the image's <c>CMD</c> when set.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's <c>ENTRYPOINT</c> when set.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment variables added to the image's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Container TCP ports to publish on 127.0.0.1, each on a random free host port.</summary>
    public IReadOnlyList<int> PublishedPorts { get; init; } = [];

    /// <summary>Labels in addition to the run label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>User (name or uid[:gid]) to run as; null keeps the image's <c>USER</c>.</summary>
    public string? User { get; init; }

    /// <summary>Hard memory limit in bytes (swap included, so the limit is real); null means none.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>CPU quota in processors (e.g. 1.5); null means none.</summary>
    public double? Cpus { get; init; }

    /// <summary>Mount the root filesystem read-only; combine with <see cref="Tmpfs"/> for the paths the process writes.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>tmpfs mounts: container path to mount options (e.g. <c>size=64m</c>); the default mode is 1777.</summary>
    public IReadOnlyDictionary<string, string> Tmpfs { get; init; } = new Dictionary<string, string>();

    /// <summary>Network to join (name or id; <c>host</c> shares the machine's network, loopback included); null uses the default bridge.</summary>
    public string? Network { get; init; }

    /// <summary>Request every GPU (<c>--gpus all</c>); needs the NVIDIA container runtime on the host.</summary>
    public bool AllGpus { get; init; }
}
