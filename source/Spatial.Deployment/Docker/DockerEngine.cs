using System.Net.Sockets;
using Docker.DotNet;

namespace Spatial.Deployment.Docker;

/// <summary>
/// A reachable Docker engine and the operations Spatial performs on it. Get one with <see cref="ConnectAsync"/>,
/// which fails with <see cref="DockerEngineUnreachableException"/> when nothing answers.
/// </summary>
public sealed class DockerEngine
{
    private DockerEngine(Uri endpoint, DockerClient client, string version, string apiVersion)
    {
        Endpoint = endpoint;
        Version = version;
        ApiVersion = apiVersion;
        Images = new DockerImages(client);
        Containers = new DockerContainers(client);
        Networks = new DockerNetworks(client);
        Cleanup = new DockerCleanup(client);
    }

    /// <summary>The endpoint this engine answers on.</summary>
    public Uri Endpoint { get; }

    /// <summary>Engine version, e.g. <c>20.10.24</c>.</summary>
    public string Version { get; }

    /// <summary>API version the engine speaks, e.g. <c>1.41</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>Build, inspect and remove images.</summary>
    public IDockerImages Images { get; }

    /// <summary>Create, start, inspect, read logs of, stop and remove containers.</summary>
    public IDockerContainers Containers { get; }

    /// <summary>Create and remove networks.</summary>
    public IDockerNetworks Networks { get; }

    /// <summary>Remove what runs left behind, by label.</summary>
    public DockerCleanup Cleanup { get; }

    /// <summary>Pings the engine at <paramref name="options"/>' endpoint and returns it, or throws <see cref="DockerEngineUnreachableException"/>.</summary>
    public static async Task<DockerEngine> ConnectAsync(DockerEngineOptions options, CancellationToken cancellationToken = default)
    {
        var client = DockerClients.For(options.Endpoint);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            var version = await client.System.GetVersionAsync(timeout.Token);
            return new DockerEngine(options.Endpoint, client, version.Version, version.APIVersion);
        }
        catch (Exception e) when (IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new DockerEngineUnreachableException(options.Endpoint, e);
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException or DockerApiException
        || (e.InnerException is not null && IsUnreachable(e.InnerException));
}
