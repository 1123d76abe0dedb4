using Spatial.Kernels;

namespace Spatial.Deployment.Preflight;

/// <summary>What the probes observed, before any judgement.</summary>
/// <param name="DotNetSdk">The SDK `dotnet` resolves in the repository, or why none does.</param>
/// <param name="Docker">The Docker engine, or why it is unreachable.</param>
/// <param name="Accelerators">Every device ILGPU sees (CUDA devices and the CPU).</param>
/// <param name="FreeDiskBytes">Free space on the repository's disk.</param>
/// <param name="Trivy">Trivy's version, or why it is missing.</param>
public sealed record MachineFacts(
    DotNetSdkFact DotNetSdk,
    DockerEngineFact Docker,
    IReadOnlyList<AcceleratorDescription> Accelerators,
    long FreeDiskBytes,
    ToolFact Trivy);

/// <summary>The SDK found and the one global.json asks for.</summary>
/// <param name="Version">The resolved SDK version; null when none resolves.</param>
/// <param name="Required">global.json's sdk.version; null without a global.json.</param>
/// <param name="RollForward">global.json's sdk.rollForward policy.</param>
/// <param name="Error">Why no SDK resolved.</param>
public sealed record DotNetSdkFact(string? Version, string? Required, string RollForward, string? Error);

/// <summary>A reachable Docker engine's identity, or why it is unreachable.</summary>
/// <param name="Endpoint">The endpoint that was asked.</param>
/// <param name="Version">Engine version; null when unreachable.</param>
/// <param name="ApiVersion">Engine API version.</param>
/// <param name="StorageDriver">Storage driver (overlay2, vfs, …).</param>
/// <param name="Error">Why it was unreachable.</param>
public sealed record DockerEngineFact(string Endpoint, string? Version, string? ApiVersion, string? StorageDriver, string? Error)
{
    /// <summary>True when the engine answered.</summary>
    public bool Reachable => Version is not null;
}

/// <summary>An external tool's version, or why it is missing.</summary>
/// <param name="Name">Tool name.</param>
/// <param name="Version">Version it printed; null when missing.</param>
/// <param name="Error">Why it is missing or failed.</param>
public sealed record ToolFact(string Name, string? Version, string? Error)
{
    /// <summary>The executable that answered and where it came from (<c>/usr/bin/trivy (PATH)</c>); null when unknown.</summary>
    public string? Location { get; init; }
}
