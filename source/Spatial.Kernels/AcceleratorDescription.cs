namespace Spatial.Kernels;

/// <summary>What a backend runs on, for stage 1's report, the service's /v1/model and logs.</summary>
/// <param name="Name">Device name as the driver reports it (e.g. "NVIDIA H100 80GB HBM3") or the CPU's name.</param>
/// <param name="Kind">The backend kind.</param>
/// <param name="MemoryBytes">Device memory in bytes (system memory for CPU backends).</param>
/// <param name="ComputeCapability">CUDA compute capability such as "9.0"; null on CPU backends.</param>
/// <param name="WarpSize">Warp (or SIMD group) width.</param>
/// <param name="MaxGroupSize">Largest thread group the device accepts.</param>
/// <param name="ProcessorCount">Multiprocessors (CUDA) or cores (CPU).</param>
public sealed record AcceleratorDescription(
    string Name,
    AcceleratorChoice Kind,
    long MemoryBytes,
    string? ComputeCapability,
    int WarpSize,
    int MaxGroupSize,
    int ProcessorCount);
