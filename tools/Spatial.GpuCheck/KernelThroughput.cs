using System.Diagnostics;

namespace Spatial.GpuCheck;

/// <summary>
/// Images/s of every workload on every backend, each bounded by time, one <c>figure</c> line each: the vectorised CPU
/// path first, so every other backend's line carries its ratio to it; CUDA lines add the per-image traffic and the
/// fractions of the PCIe upload bound and of HBM bandwidth. Once the time budget is spent, the remaining figures are
/// printed as skipped rather than measured; a figure whose calls throw is printed as an error and the next one measured.
/// </summary>
internal static class KernelThroughput
{
    /// <summary>Returns the number of figures skipped for lack of time and the number that failed with an exception.</summary>
    public static (int Skipped, int Errors) Run(IReadOnlyList<NamedBackend> backends, Func<bool, IReadOnlyList<ThroughputWorkload>> workloads, double seconds,
        Stopwatch clock, double budgetSeconds, TextWriter output)
    {
        var cpuWorkloads = workloads(false);
        var cudaWorkloads = backends.Any(b => b.Name == NamedBackend.Cuda) ? workloads(true) : cpuWorkloads;
        var ordered = backends.OrderBy(b => b.Name == NamedBackend.Cpu ? 0 : 1).ToList();
        var (skipped, errors) = (0, 0);
        for (var k = 0; k < cpuWorkloads.Count; k++)
        {
            var cpuRate = double.NaN;
            foreach (var backend in ordered)
            {
                var workload = backend.Name == NamedBackend.Cuda ? cudaWorkloads[k] : cpuWorkloads[k];
                var line = new ReportLine("figure").Add("kernel", workload.Kernel).Add("backend", backend.Name).Add("shape", workload.Shape)
                    .Add("batch", workload.Batch);
                if (clock.Elapsed.TotalSeconds >= budgetSeconds)
                {
                    skipped++;
                    output.WriteLine(line.Add("status", "skipped").Add("reason", $"time budget of {budgetSeconds:0} s spent"));
                    continue;
                }
                double imagesPerSecond;
                try
                {
                    imagesPerSecond = TimedRun.CallsPerSecond(seconds, workload.Prepare(backend.Backend)) * workload.Batch;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors++;
                    output.WriteLine(line.Add("status", "error").Add("error", ExceptionText.Of(e)));
                    continue;
                }
                if (backend.Name == NamedBackend.Cpu)
                    cpuRate = imagesPerSecond;
                line.Add("images_per_s", imagesPerSecond, "0.0").Add("ms_per_call", 1000 * workload.Batch / imagesPerSecond, "0.000");
                if (backend.Name != NamedBackend.Cpu)
                    line.Add("ratio_vs_cpu", imagesPerSecond / cpuRate, "0.000");
                if (backend.Name == NamedBackend.Cuda && workload.Traffic is { } traffic)
                {
                    line.Add("upload_bytes_per_image", traffic.UploadBytes, "0").Add("download_bytes_per_image", traffic.DownloadBytes, "0")
                        .Add("pcie_bound_images_per_s", traffic.PcieBoundImagesPerSecond, "0.0")
                        .Add("fraction_of_pcie", imagesPerSecond / traffic.PcieBoundImagesPerSecond, "0.000")
                        .Add("fraction_of_hbm", traffic.FractionOfHbm(imagesPerSecond), "0.0000");
                }
                output.WriteLine(line.Add("status", "measured"));
            }
        }
        return (skipped, errors);
    }
}
