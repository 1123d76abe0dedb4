using ILGPU;
using ILGPU.Runtime.Cuda;
using Spatial.Kernels;

namespace Spatial.GpuCheck;

/// <summary>
/// What the machine has, one <c>device</c> line each: every CUDA device as ILGPU sees it (name, memory, compute
/// capability, multiprocessors, CUDA driver API version, memory clock and bus width, PCI bus) with the NVIDIA driver's
/// version from NVML where it loads, then the CPU. Without CUDA, one <c>cuda</c> line says so and why.
/// </summary>
internal static class DeviceDiscovery
{
    /// <summary>Writes the lines; returns the number of CUDA devices.</summary>
    public static int Describe(TextWriter output)
    {
        var count = 0;
        if (AcceleratorCatalog.HasCuda)
        {
            var driver = DriverVersion();
            using var context = Context.Create(builder => builder.Cuda());
            foreach (var device in context.GetCudaDevices())
            {
                output.WriteLine(Describe(device, count++, driver));
            }
        }
        else
        {
            output.WriteLine(new ReportLine("cuda").Add("status", "absent").Add("message", "no CUDA device found").Add("detail", AcceleratorCatalog.CudaProblem));
            // ILGPU leaves out devices it has no PTX instruction set for (a driver newer than it knows, say): name them.
            var driver = DriverVersion();
            foreach (var device in CudaDevice.GetDevices(_ => true).OfType<CudaDevice>())
            {
                output.WriteLine(Describe(device, count, driver).Add("usable", false)
                    .Add("reason", "ILGPU has no PTX instruction set for this device and driver"));
            }
        }
        var cpu = AcceleratorCatalog.DescribeCpu(AcceleratorChoice.Cpu);
        output.WriteLine(new ReportLine("device").Add("kind", "cpu").Add("name", cpu.Name).Add("cores", cpu.ProcessorCount)
            .Add("memory_bytes", cpu.MemoryBytes).Add("simd_bits", System.Numerics.Vector<byte>.Count * 8L));
        return count;
    }

    private static ReportLine Describe(CudaDevice device, int index, string? driverVersion)
    {
        // ILGPU reports the memory clock in MHz; two transfers per clock (DDR), bus width in bits: the device's own
        // peak, next to the assumed one.
        var hbmPeak = 2.0 * device.MemoryClockRate * 1e6 * device.MemoryBusWidth / 8;
        return new ReportLine("device").Add("kind", "cuda").Add("index", index).Add("name", device.Name)
            .Add("memory_bytes", device.MemorySize)
            .Add("compute_capability", device.Architecture is { } architecture ? $"{architecture.Major}.{architecture.Minor}" : null)
            .Add("multiprocessors", device.NumMultiprocessors).Add("warp", device.WarpSize)
            .Add("max_threads_per_multiprocessor", device.MaxNumThreadsPerMultiprocessor)
            .Add("cuda_driver_api", $"{device.DriverVersion.Major}.{device.DriverVersion.Minor}")
            .Add("ptx_isa", device.InstructionSet is { } isa ? $"{isa.Major}.{isa.Minor}" : null)
            .Add("driver_version", driverVersion)
            .Add("memory_clock_mhz", device.MemoryClockRate).Add("memory_bus_bits", device.MemoryBusWidth)
            .Add("hbm_peak_from_clock_gb_per_s", hbmPeak / 1e9, "0")
            .Add("pci_bus", device.PCIBusId);
    }

    /// <summary>The NVIDIA driver's version (e.g. 580.159.03) through NVML; null where NVML cannot be loaded.</summary>
    private static string? DriverVersion()
    {
        try
        {
            using var nvml = NvmlDevice.CreateFromIndex(0);
            return nvml.API.SystemGetDriverVersion(out var version) == NvmlReturn.NVML_SUCCESS ? version : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: NVML is a second library beside the driver; without it the line says driver_version=none.
            return null;
        }
    }
}
