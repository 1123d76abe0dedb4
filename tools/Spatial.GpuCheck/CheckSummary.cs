namespace Spatial.GpuCheck;

/// <summary>The run's outcome: every verdict counted into one <c>summary</c> line and the exit code.</summary>
internal sealed record CheckSummary(int CudaDevices, IReadOnlyList<KernelVerdict> Kernels, IReadOnlyList<ForwardVerdict> Forward, int PtxFailures, int FiguresSkipped,
    int Errors = 0)
{
    public int ParityFailures => Kernels.Count(v => !v.Passed) + Forward.Count(v => !v.Passed);

    /// <summary>
    /// Any failed parity or PTX check, or an <c>error</c> (a figure, the upload measurement or the CUDA backend that
    /// threw), fails the run; figures skipped for lack of time do not.
    /// </summary>
    public int ExitCode => ParityFailures + PtxFailures + Errors == 0 ? ExitCodes.Passed : ExitCodes.CheckFailed;

    public ReportLine ToLine(TimeSpan elapsed) => new ReportLine("summary").Add("cuda_devices", CudaDevices)
        .Add("parity_checks", Kernels.Count + Forward.Count).Add("parity_failures", ParityFailures).Add("ptx_failures", PtxFailures)
        .Add("figures_skipped", FiguresSkipped).Add("errors", Errors).Add("elapsed_s", elapsed.TotalSeconds, "0.0")
        .Add("result", ExitCode == ExitCodes.Passed ? "pass" : "fail");
}
