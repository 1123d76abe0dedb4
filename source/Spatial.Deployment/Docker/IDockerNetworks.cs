namespace Spatial.Deployment.Docker;

/// <summary>Network operations on one engine.</summary>
public interface IDockerNetworks
{
    /// <summary>Creates a user-defined bridge network carrying <paramref name="run"/>'s label; containers on it reach each other by name.</summary>
    Task<string> CreateAsync(DockerRun run, string name, CancellationToken cancellationToken = default);

    /// <summary>The network named <paramref name="name"/>, created with <paramref name="labels"/> (and the run's) when it does not exist yet.</summary>
    Task<string> EnsureAsync(DockerRun run, string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default);

    /// <summary>Ids and labels of the networks that carry label <paramref name="label"/>.</summary>
    Task<IReadOnlyList<(string Id, string Name, IReadOnlyDictionary<string, string> Labels)>> ListAsync(string label, CancellationToken cancellationToken = default);

    /// <summary>Removes the network; false when it did not exist.</summary>
    Task<bool> RemoveAsync(string nameOrId, CancellationToken cancellationToken = default);
}
