using Spatial.Kernels;

namespace Spatial.Deployment.Environments;

/// <summary>How the inference service runs in one environment: its replicas, their resources and the gateway in front.</summary>
/// <param name="Replicas">How many replicas serve behind the gateway.</param>
/// <param name="HostPort">The 127.0.0.1 port the environment's gateway listens on (distinct per environment, so all can run side by side).</param>
/// <param name="AdminPort">The 127.0.0.1 port of the gateway's admin endpoint (pool swaps, its own health and metrics).</param>
/// <param name="MemoryLimitBytes">Each replica's memory limit: the container's (swap included) or the process's managed heap.</param>
/// <param name="Cpus">Processors each replica may use (container CPU quota, or the runtime's processor count).</param>
/// <param name="Accelerator">The backend the replicas ask for; <see cref="AcceleratorChoice.Auto"/> takes CUDA when present.</param>
public sealed record ServiceShape(int Replicas, int HostPort, int AdminPort, long MemoryLimitBytes, double Cpus, AcceleratorChoice Accelerator)
{
    /// <summary>The port the service listens on inside its container.</summary>
    public const int ContainerPort = 8080;
}
