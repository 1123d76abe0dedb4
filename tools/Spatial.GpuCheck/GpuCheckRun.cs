using System.Diagnostics;
using System.Runtime.InteropServices;
using Spatial.Kernels;
using Spatial.Kernels.Cpu;
using Spatial.Kernels.Ilgpu;

namespace Spatial.GpuCheck;

/// <summary>
/// The whole check in one process: devices, PTX compilation, upload bandwidth, kernel parity, forward-pass parity,
/// throughput, then one <c>summary</c> line. Exit code per <see cref="ExitCodes"/>.
/// </summary>
internal static class GpuCheckRun
{
    /// <summary>Runs one step whose failure should not stop the others (the CUDA backend, say); returns 1 when it threw.</summary>
    private static int Attempt(string step, TextWriter output, Action run)
    {
        try
        {
            run();
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            output.WriteLine(new ReportLine("error").Add("step", step).Add("type", e.GetType().FullName).Add("message", ExceptionText.Of(e)));
            return 1;
        }
    }

    private static ReportLine WarmUp(NamedBackend backend)
    {
        var report = KernelWarmUp.Run(backend.Backend);
        return new ReportLine("warmup").Add("backend", backend.Name).Add("device", backend.Backend.Device.Name)
            .Add("kernel_load_ms", report.KernelLoad.TotalMilliseconds, "0.0").Add("first_call_ms", report.FirstCall.TotalMilliseconds, "0.0")
            .Add("second_call_ms", report.SecondCall.TotalMilliseconds, "0.00");
    }

    public static int Execute(GpuCheckOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        output.WriteLine(new ReportLine("gpu-check").Add("mode", options.Local ? "local" : "gpu").Add("seconds_per_figure", options.Seconds, "0.###")
            .Add("budget_s", options.BudgetSeconds, "0").Add("runtime", RuntimeInformation.FrameworkDescription).Add("models", Path.GetFullPath(options.ModelsRoot)));
        if (CudaDriverLibrary.Register() is { } note)
            output.WriteLine(new ReportLine("note").Add("message", note));
        var cudaDevices = DeviceDiscovery.Describe(output);
        if (cudaDevices == 0 && !options.Local)
        {
            output.WriteLine(new ReportLine("summary").Add("result", "fail").Add("reason", "no CUDA device found; run with --local to check the CPU half only"));
            return ExitCodes.NoCuda;
        }
        if (cudaDevices == 0)
            output.WriteLine(new ReportLine("note").Add("message", "no CUDA device found: running the CPU half only (vectorised CPU vs ILGPU CPU accelerator vs reference, forward pass, PTX compilation)"));
        output.WriteLine(AssumedPeaks.ToLine());

        var backends = new List<NamedBackend>();
        try
        {
            // The model first: a wrong --models folder fails in a second, not after the kernels.
            var package = ShippedModel.Load(options.ModelsRoot);
            var ptxFailures = PtxCompilation.Run(output);
            var errors = 0;
            if (cudaDevices > 0)
                errors += Attempt("upload", output, () => output.WriteLine(UploadBandwidth.Measure(options.Seconds)));
            backends.Add(new NamedBackend(NamedBackend.Cpu, new CpuKernelBackend()));
            backends.Add(new NamedBackend(NamedBackend.IlgpuCpu, IlgpuKernelBackend.CreateCpu()));
            if (cudaDevices > 0)
                errors += Attempt("cuda-backend", output, () => backends.Add(new NamedBackend(NamedBackend.Cuda, IlgpuKernelBackend.CreateCuda())));
            foreach (var backend in backends)
                output.WriteLine(WarmUp(backend));
            var kernels = KernelParity.Run(backends, KernelCases.All(), output);
            var forward = ForwardPassParity.Run(package, backends, output);
            var (skipped, figureErrors) = KernelThroughput.Run(backends, cuda => ThroughputWorkloads.Create(package, cuda), options.Seconds, clock, options.BudgetSeconds, output);
            var summary = new CheckSummary(cudaDevices, kernels, forward, ptxFailures, skipped, errors + figureErrors);
            output.WriteLine(summary.ToLine(clock.Elapsed));
            return summary.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged model package, a CPU backend that cannot start: one line that says what broke, and a failed run.
            output.WriteLine(new ReportLine("error").Add("type", e.GetType().FullName).Add("message", ExceptionText.Of(e)));
            output.WriteLine(new ReportLine("summary").Add("elapsed_s", clock.Elapsed.TotalSeconds, "0.0").Add("result", "fail"));
            return ExitCodes.CheckFailed;
        }
        finally
        {
            foreach (var backend in backends)
                backend.Backend.Dispose();
        }
    }
}
