namespace Spatial.Deployment.Docker;

/// <summary>Which engine to talk to and how long to wait for it to answer at all.</summary>
/// <param name="Endpoint">The engine's API endpoint, e.g. <c>unix:///var/run/docker.sock</c> or <c>tcp://host:2375</c>.</param>
/// <param name="ConnectTimeout">How long the first ping may take before the engine counts as unreachable.</param>
public sealed record DockerEngineOptions(Uri Endpoint, TimeSpan ConnectTimeout)
{
    /// <summary>The engine's default local endpoint.</summary>
    public static Uri DefaultEndpoint { get; } = new("unix:///var/run/docker.sock");

    /// <summary>The local engine, 10 s to answer.</summary>
    public static DockerEngineOptions Default { get; } = new(DefaultEndpoint, TimeSpan.FromSeconds(10));

    /// <summary>Options for <paramref name="endpoint"/>, or the default endpoint when it is null or blank.</summary>
    public static DockerEngineOptions For(string? endpoint) =>
        string.IsNullOrWhiteSpace(endpoint) ? Default : Default with { Endpoint = new Uri(endpoint) };
}
