namespace Spatial.Deployment.Environments;

/// <summary>How the inference service runs in one environment on a single Docker host.</summary>
/// <param name="HostPort">The 127.0.0.1 port the environment's service is published on (distinct per environment, so all can run side by side).</param>
/// <param name="MemoryLimitBytes">The container's memory limit, swap included.</param>
public sealed record ServiceShape(int HostPort, long MemoryLimitBytes)
{
    /// <summary>The port the service listens on inside its container.</summary>
    public const int ContainerPort = 8080;
}
