using Spatial.Kernels.Cpu;
using Spatial.Kernels.Ilgpu;

namespace Spatial.Kernels;

/// <summary>Creates the backend a caller asked for. The choice is passed in; nothing is read from the environment.</summary>
public static class KernelBackends
{
    /// <summary>
    /// Auto: CUDA when a device exists, else the vectorised CPU path. Cuda without a device throws
    /// <see cref="AcceleratorUnavailableException"/>.
    /// </summary>
    public static IKernelBackend Create(AcceleratorChoice choice) => choice switch
    {
        AcceleratorChoice.Auto => AcceleratorCatalog.HasCuda ? IlgpuKernelBackend.CreateCuda() : new CpuKernelBackend(),
        AcceleratorChoice.Cuda => IlgpuKernelBackend.CreateCuda(),
        AcceleratorChoice.Cpu => new CpuKernelBackend(),
        AcceleratorChoice.IlgpuCpu => IlgpuKernelBackend.CreateCpu(),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "unknown accelerator choice"),
    };
}
