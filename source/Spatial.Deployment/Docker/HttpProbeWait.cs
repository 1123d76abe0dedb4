namespace Spatial.Deployment.Docker;

/// <summary>Waits until a GET on the container's published 127.0.0.1 port answers with a success status.</summary>
internal sealed class HttpProbeWait(int containerPort, string path) : IWaitStrategy
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public string Description => $"HTTP 2xx from GET {path} on container port {containerPort}";

    public async Task<ReadinessObservation> ObserveAsync(DockerContainer container, CancellationToken cancellationToken)
    {
        var uri = new Uri(container.GetBaseAddress(containerPort), path.TrimStart('/'));
        try
        {
            using var response = await Client.GetAsync(uri, cancellationToken);
            var detail = $"HTTP {(int)response.StatusCode} from {uri}";
            return response.IsSuccessStatusCode ? ReadinessObservation.Ready(detail) : ReadinessObservation.NotYet(detail);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ReadinessObservation.NotYet($"{uri}: {e.Message}");
        }
    }
}
