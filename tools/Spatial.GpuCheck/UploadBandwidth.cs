using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Spatial.GpuCheck;

/// <summary>
/// Host-to-device copy bandwidth of the first CUDA device from ordinary (pageable) host memory, as the kernel library
/// copies: the practical ceiling every upload-bound figure is bounded by, next to the assumed PCIe peak.
/// </summary>
internal static class UploadBandwidth
{
    private const int Bytes = 256 << 20;

    public static unsafe ReportLine Measure(double seconds)
    {
        using var context = Context.Create(builder => builder.Cuda());
        using var accelerator = context.GetCudaDevice(0).CreateAccelerator(context);
        using var buffer = accelerator.Allocate1D<byte>(Bytes);
        var host = new byte[Bytes];
        Random.Shared.NextBytes(host);
        double rate;
        fixed (byte* source = host)
        {
            var address = source;
            rate = TimedRun.CallsPerSecond(seconds, () =>
            {
                buffer.View.CopyFromCPU(ref *address, Bytes);
                accelerator.Synchronize();
            });
        }
        var bytesPerSecond = rate * Bytes;
        return new ReportLine("figure").Add("kernel", "upload").Add("backend", NamedBackend.Cuda).Add("bytes", Bytes)
            .Add("gb_per_s", bytesPerSecond / 1e9, "0.0").Add("fraction_of_pcie", bytesPerSecond / AssumedPeaks.PcieBytesPerSecondPerDirection, "0.000");
    }
}
