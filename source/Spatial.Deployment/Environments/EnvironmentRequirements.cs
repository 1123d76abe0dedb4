namespace Spatial.Deployment.Environments;

/// <summary>What a machine must offer to build and deploy to one environment (stage 1's policy).</summary>
/// <param name="DockerEngine">A reachable Docker engine (otherwise the process host serves).</param>
/// <param name="CudaDevice">A CUDA device (otherwise the vectorised CPU path serves).</param>
/// <param name="Trivy">Trivy on PATH for the security stage (otherwise only the built-in checks run).</param>
/// <param name="MinimumFreeDiskBytes">Free space needed on the repository's disk for images and reports.</param>
public sealed record EnvironmentRequirements(
    RequirementLevel DockerEngine,
    RequirementLevel CudaDevice,
    RequirementLevel Trivy,
    long MinimumFreeDiskBytes);
