using Spatial.Kernels.Cpu;

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
        AcceleratorChoice.Auto => AcceleratorCatalog.HasCuda ? CreateCuda() : new CpuKernelBackend(),
        AcceleratorChoice.Cuda => CreateCuda(),
        AcceleratorChoice.Cpu => new CpuKernelBackend(),
        AcceleratorChoice.IlgpuCpu => throw new NotSupportedException("the ILGPU CPU backend is not built yet"),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "unknown accelerator choice"),
    };

    private static IKernelBackend CreateCuda()
    {
        if (!AcceleratorCatalog.HasCuda)
            throw new AcceleratorUnavailableException(AcceleratorChoice.Cuda,
                $"CUDA was requested but {AcceleratorCatalog.CudaProblem}; choose 'auto' or 'cpu' on machines without an NVIDIA GPU");
        throw new NotSupportedException("the CUDA backend is not built yet");
    }
}
