using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Spatial.Deployment.Docker;

/// <summary>Network operations over one Docker.DotNet client.</summary>
internal sealed class DockerNetworks(DockerClient client) : IDockerNetworks
{
    public async Task<string> CreateAsync(DockerRun run, string name, CancellationToken cancellationToken = default)
    {
        var created = await client.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = name,
            Driver = "bridge",
            CheckDuplicate = true,
            Labels = run.LabelsWith(null),
        }, cancellationToken);
        return created.ID;
    }

    public async Task<string> EnsureAsync(DockerRun run, string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        var existing = await client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, cancellationToken);
        // The name filter matches substrings; only the exact name is this network.
        if (existing.FirstOrDefault(n => n.Name == name) is { } network)
            return network.ID;
        var created = await client.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = name,
            Driver = "bridge",
            CheckDuplicate = true,
            Labels = run.LabelsWith(labels),
        }, cancellationToken);
        return created.ID;
    }

    public async Task<IReadOnlyList<(string Id, string Name, IReadOnlyDictionary<string, string> Labels)>> ListAsync(string label, CancellationToken cancellationToken = default)
    {
        var listed = await client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
        }, cancellationToken);
        return listed.Select(n => (n.ID, n.Name, (IReadOnlyDictionary<string, string>)(n.Labels?.ToDictionary() ?? []))).ToList();
    }

    public async Task<bool> RemoveAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.Networks.DeleteNetworkAsync(nameOrId, cancellationToken);
            return true;
        }
        catch (DockerNetworkNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
