using Docker.DotNet;
using Docker.DotNet.Models;

namespace Spatial.Deployment.Docker;

/// <summary>Removes what runs created, found by their <see cref="DockerLabels.Run"/> label.</summary>
public sealed class DockerCleanup
{
    private readonly DockerClient _client;
    private readonly DockerContainers _containers;
    private readonly DockerNetworks _networks;
    private readonly DockerImages _images;

    internal DockerCleanup(DockerClient client)
    {
        _client = client;
        _containers = new DockerContainers(client);
        _networks = new DockerNetworks(client);
        _images = new DockerImages(client);
    }

    /// <summary>Removes every container, network and (unless <paramref name="includeImages"/> is false) image labelled with <paramref name="run"/>, in that order.</summary>
    public async Task<CleanupReport> RemoveRunAsync(DockerRun run, bool includeImages = true, CancellationToken cancellationToken = default)
    {
        var filter = Filter($"{DockerLabels.Run}={run.Id}");
        var containers = await RemoveContainersAsync(filter, _ => true, cancellationToken);
        var networks = await RemoveNetworksAsync(filter, _ => true, cancellationToken);
        var images = 0;
        if (!includeImages)
            return new CleanupReport(containers, networks, images);
        var listed = await _client.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }, cancellationToken);
        // Children before parents: an image another one is built on cannot go first.
        foreach (var image in listed.OrderByDescending(i => i.Created))
            images += await _images.RemoveAsync(image.ID, cancellationToken) ? 1 : 0;
        return new CleanupReport(containers, networks, images);
    }

    /// <summary>
    /// Removes containers and networks that any run other than <paramref name="current"/> left behind (a crashed run's:
    /// its owning process is gone). A concurrent run's resources and persistent deployments stay. Images stay too: a
    /// labelled image is a build result (a release or a cached base), not a leftover.
    /// </summary>
    public async Task<CleanupReport> RemoveLeftoversAsync(DockerRun? current, CancellationToken cancellationToken = default)
    {
        var filter = Filter(DockerLabels.Run);
        bool NotCurrent(IDictionary<string, string>? labels) =>
            (current is null || labels is null || !labels.TryGetValue(DockerLabels.Run, out var id) || id != current.Id)
            && !(labels is not null && labels.TryGetValue(Hosting.HostLabels.Persistent, out var persistent) && persistent == "true")
            && !(labels is not null && labels.TryGetValue(Hosting.HostLabels.Owner, out var owner) && Hosting.ProcessIdentity.Parse(owner) is { IsAlive: true });
        var containers = await RemoveContainersAsync(filter, NotCurrent, cancellationToken);
        var networks = await RemoveNetworksAsync(filter, NotCurrent, cancellationToken);
        return new CleanupReport(containers, networks, 0);
    }

    private async Task<int> RemoveContainersAsync(Dictionary<string, IDictionary<string, bool>> filter, Func<IDictionary<string, string>?, bool> select, CancellationToken cancellationToken)
    {
        var listed = await _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken);
        var removed = 0;
        foreach (var container in listed.Where(c => select(c.Labels)))
            removed += await _containers.RemoveAsync(container.ID, cancellationToken) ? 1 : 0;
        return removed;
    }

    private async Task<int> RemoveNetworksAsync(Dictionary<string, IDictionary<string, bool>> filter, Func<IDictionary<string, string>?, bool> select, CancellationToken cancellationToken)
    {
        var listed = await _client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, cancellationToken);
        var removed = 0;
        foreach (var network in listed.Where(n => select(n.Labels)))
            removed += await _networks.RemoveAsync(network.ID, cancellationToken) ? 1 : 0;
        return removed;
    }

    private static Dictionary<string, IDictionary<string, bool>> Filter(string label) =>
        new() { ["label"] = new Dictionary<string, bool> { [label] = true } };
}
