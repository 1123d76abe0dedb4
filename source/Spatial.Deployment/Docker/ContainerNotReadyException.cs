namespace Spatial.Deployment.Docker;

/// <summary>A container did not become ready; <see cref="Logs"/> holds what it printed, for the report.</summary>
public sealed class ContainerNotReadyException(string message, string logs) : Exception(message)
{
    /// <summary>The container's stdout and stderr up to the failure.</summary>
    public string Logs { get; } = logs;
}
