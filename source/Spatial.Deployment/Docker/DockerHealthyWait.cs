namespace Spatial.Deployment.Docker;

/// <summary>Waits for the engine to report the container healthy; unhealthy or no HEALTHCHECK at all ends the wait.</summary>
internal sealed class DockerHealthyWait : IWaitStrategy
{
    public string Description => "Docker health status healthy";

    public async Task<ReadinessObservation> ObserveAsync(DockerContainer container, CancellationToken cancellationToken)
    {
        var details = await container.InspectAsync(cancellationToken);
        return details.HealthStatus switch
        {
            null => ReadinessObservation.Hopeless("the image defines no HEALTHCHECK, so Docker never reports a health status"),
            "healthy" => ReadinessObservation.Ready("healthy"),
            "unhealthy" => ReadinessObservation.Hopeless($"unhealthy; last probe said: {details.LastHealthOutput ?? "(nothing)"}"),
            var status => ReadinessObservation.NotYet(details.LastHealthOutput is { Length: > 0 } output ? $"{status}; last probe said: {output}" : status),
        };
    }
}
