namespace Spatial.Kernels;

/// <summary>Which backend a caller asks for. Callers pass it down; the library never reads it from the environment.</summary>
public enum AcceleratorChoice
{
    /// <summary>CUDA when a device exists, otherwise the vectorised CPU path.</summary>
    Auto,

    /// <summary>CUDA through ILGPU; fails when no CUDA device exists.</summary>
    Cuda,

    /// <summary>The vectorised managed CPU path (the default without a GPU).</summary>
    Cpu,

    /// <summary>ILGPU's CPU accelerator running the same kernels as CUDA: the parity and debugging backend.</summary>
    IlgpuCpu,
}
