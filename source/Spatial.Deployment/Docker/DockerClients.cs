using System.Collections.Concurrent;
using Docker.DotNet;

namespace Spatial.Deployment.Docker;

/// <summary>One Docker.DotNet client per endpoint for the life of the process: a client owns a connection pool.</summary>
internal static class DockerClients
{
    private static readonly ConcurrentDictionary<Uri, Lazy<DockerClient>> Clients = new();

    public static DockerClient For(Uri endpoint) =>
        Clients.GetOrAdd(endpoint, e => new Lazy<DockerClient>(() =>
            // Build output and log streams can be long-lived; each call passes its own cancellation instead.
            new DockerClientConfiguration(e, defaultTimeout: Timeout.InfiniteTimeSpan).CreateClient())).Value;
}
