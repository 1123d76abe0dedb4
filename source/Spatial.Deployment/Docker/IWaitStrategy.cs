namespace Spatial.Deployment.Docker;

/// <summary>Decides when a running container is ready. Make one with <see cref="WaitFor"/>.</summary>
public interface IWaitStrategy
{
    /// <summary>What is awaited, for messages, e.g. <c>Docker health status healthy</c>.</summary>
    string Description { get; }

    /// <summary>One look at the container; called repeatedly until it is ready, hopeless, or time is up.</summary>
    Task<ReadinessObservation> ObserveAsync(DockerContainer container, CancellationToken cancellationToken);
}

/// <summary>One look of a wait strategy at a container.</summary>
/// <param name="State">Whether to stop waiting, and why.</param>
/// <param name="Detail">What was seen, e.g. <c>health starting</c> or <c>HTTP 503</c>.</param>
public sealed record ReadinessObservation(ReadinessState State, string Detail)
{
    /// <summary>Ready: stop waiting.</summary>
    public static ReadinessObservation Ready(string detail) => new(ReadinessState.Ready, detail);

    /// <summary>Not yet: look again.</summary>
    public static ReadinessObservation NotYet(string detail) => new(ReadinessState.NotYet, detail);

    /// <summary>It will never be ready: stop waiting and fail.</summary>
    public static ReadinessObservation Hopeless(string detail) => new(ReadinessState.Hopeless, detail);
}

/// <summary>The verdict of one readiness observation.</summary>
public enum ReadinessState
{
    /// <summary>Not ready yet; keep polling.</summary>
    NotYet,

    /// <summary>Ready.</summary>
    Ready,

    /// <summary>Will not become ready (e.g. Docker reports unhealthy, or the image has no HEALTHCHECK).</summary>
    Hopeless,
}
