using ILGPU;
using ILGPU.Runtime.Cuda;

namespace Spatial.Kernels;

/// <summary>
/// The accelerators on this machine, for stage 1 and the service. Cheap: it enumerates devices without
/// compiling kernels, and never throws when CUDA is absent (the normal case on a build box).
/// </summary>
public static class AcceleratorCatalog
{
    private static readonly Lazy<IReadOnlyList<AcceleratorDescription>> CudaDevices = new(ProbeCuda);

    /// <summary>Every CUDA device, then the CPU.</summary>
    public static IReadOnlyList<AcceleratorDescription> Describe() =>
        [.. CudaDevices.Value, DescribeCpu(AcceleratorChoice.Cpu)];

    /// <summary>True when at least one CUDA device can be used.</summary>
    public static bool HasCuda => CudaDevices.Value.Count > 0;

    /// <summary>Why CUDA is unavailable (null when it is available), for clear error messages.</summary>
    public static string? CudaProblem { get; private set; }

    /// <summary>The CPU as the given CPU backend kind sees it.</summary>
    public static AcceleratorDescription DescribeCpu(AcceleratorChoice kind)
    {
        var simdWidth = System.Numerics.Vector<float>.Count;
        return new AcceleratorDescription(CpuName.Value, kind, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            ComputeCapability: null, WarpSize: simdWidth, MaxGroupSize: simdWidth, ProcessorCount: Environment.ProcessorCount);
    }

    internal static AcceleratorDescription DescribeCuda(CudaDevice device) =>
        new(device.Name, AcceleratorChoice.Cuda, device.MemorySize,
            $"{device.Architecture?.Major}.{device.Architecture?.Minor}",
            device.WarpSize, device.MaxNumThreadsPerGroup, device.NumMultiprocessors);

    private static IReadOnlyList<AcceleratorDescription> ProbeCuda()
    {
        try
        {
            using var context = Context.Create(builder => builder.Cuda());
            var devices = new List<AcceleratorDescription>();
            foreach (var device in context.GetCudaDevices())
                devices.Add(DescribeCuda(device));
            if (devices.Count == 0)
                CudaProblem = "no CUDA device found (no NVIDIA GPU or driver on this machine)";
            return devices;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or InvalidOperationException or NotSupportedException or ILGPU.Runtime.Cuda.CudaException)
        {
            CudaProblem = $"CUDA could not be initialised: {e.Message}";
            return [];
        }
    }

    private static readonly Lazy<string> CpuName = new(() =>
    {
        try
        {
            // Linux names the CPU in /proc/cpuinfo; elsewhere the architecture is the best we have.
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            if (line is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                return line[(colon + 1)..].Trim();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return $"CPU ({System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture})";
    });
}
