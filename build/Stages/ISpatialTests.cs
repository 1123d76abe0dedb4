using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Tools.DotNet;
using Spatial.Kernels;

/// <summary>Stage 2: every kernel on every backend this machine has, held to the reference and to each other.</summary>
interface ISpatialTests : ICompile, IValidateEnvironment
{
    AbsolutePath KernelTestResultsDirectory => ReportsDirectory / "kernel-tests";

    Target SpatialTests => _ => _
        .Description("Stage 2: kernel tests on the vectorised CPU path, ILGPU's CPU accelerator and CUDA when present; CPU/GPU parity")
        .DependsOn(Compile, ValidateEnvironment)
        .Produces(IHazReports.ReportsFolder + "/kernel-tests/*.trx")
        .Executes(() =>
        {
            var hasCuda = AcceleratorCatalog.Describe().Any(d => d.Kind == AcceleratorChoice.Cuda);
            if (!hasCuda)
                Log.Warning("No CUDA device: the Gpu category is excluded; parity is proven between the vectorised CPU path and ILGPU's CPU accelerator");
            KernelTestResultsDirectory.DeleteDirectory();
            try
            {
                DotNetTasks.DotNetTest(s => s
                    .SetProjectFile(RootDirectory / "tests" / "Spatial.Kernels.Tests" / "Spatial.Kernels.Tests.csproj")
                    .SetConfiguration(Configuration)
                    .EnableNoBuild()
                    .SetFilter(hasCuda ? null : "TestCategory!=Gpu")
                    .AddLoggers("trx")
                    .SetResultsDirectory(KernelTestResultsDirectory));
            }
            finally
            {
                var summary = TestRunSummary.Read(KernelTestResultsDirectory);
                ReportSummary(s => { s["Kernel tests"] = summary + (hasCuda ? " (with CUDA)" : " (CPU backends)"); return s; });
            }
            var result = TestRunSummary.Read(KernelTestResultsDirectory);
            Assert.True(result.Passed > 0, "stage 2 ran no kernel test");
            ReportFirstCallCost(hasCuda ? [AcceleratorChoice.Cpu, AcceleratorChoice.IlgpuCpu, AcceleratorChoice.Cuda] : [AcceleratorChoice.Cpu, AcceleratorChoice.IlgpuCpu]);
        });

    /// <summary>First-call cost per backend (kernel JIT and first pass), the figure a service start pays once.</summary>
    void ReportFirstCallCost(IReadOnlyList<AcceleratorChoice> backends)
    {
        var figures = new List<string>();
        foreach (var choice in backends)
        {
            using var backend = KernelBackends.Create(choice);
            var warmUp = KernelWarmUp.Run(backend);
            Log.Information("{Backend}: kernel load {Load} s, first call {First} s, warm call {Second} s", choice,
                warmUp.KernelLoad.TotalSeconds.ToString("0.000"), warmUp.FirstCall.TotalSeconds.ToString("0.000"), warmUp.SecondCall.TotalSeconds.ToString("0.0000"));
            figures.Add($"{choice} {(warmUp.KernelLoad + warmUp.FirstCall).TotalSeconds:0.0} s");
        }
        ReportSummary(s => { s["First call"] = string.Join(", ", figures); return s; });
    }
}
