using Spatial.Kernels;

namespace Spatial.GpuCheck;

/// <summary>A backend under the name the check prints for it.</summary>
internal sealed record NamedBackend(string Name, IKernelBackend Backend)
{
    /// <summary>The vectorised CPU path: the backend every other one is compared with.</summary>
    public const string Cpu = "cpu";

    /// <summary>ILGPU's CPU accelerator: the kernels CUDA runs, on the host.</summary>
    public const string IlgpuCpu = "ilgpu-cpu";

    /// <summary>ILGPU on the first CUDA device.</summary>
    public const string Cuda = "cuda";
}
