using Spatial.Kernels;

namespace Spatial.GpuCheck.Tests;

public sealed class OutputAndOptionsTests
{
    [Test]
    public void Lines_are_key_value_pairs_with_invariant_numbers_and_quoted_text()
    {
        var line = new ReportLine("figure").Add("kernel", "preprocess").Add("backend", "cuda").Add("images_per_s", 12345.678, "0.0")
            .Add("fraction_of_hbm", double.NaN, "0.000").Add("name", "NVIDIA H200").AddDifference("max_abs_diff", 0.00012);
        Assert.That(line.ToString(), Is.EqualTo("figure kernel=preprocess backend=cuda images_per_s=12345.7 fraction_of_hbm=n/a name=\"NVIDIA H200\" max_abs_diff=1.20E-04"));
    }

    [Test]
    public void Options_default_to_a_gpu_run_of_one_second_per_figure()
    {
        var options = GpuCheckOptions.Parse([]);
        Assert.That((options.Local, options.Seconds, options.BudgetSeconds, options.ModelsRoot), Is.EqualTo((false, 1.0, 120.0, "models")));
        Assert.That(GpuCheckOptions.Parse(["--local", "--seconds", "0.5", "--budget", "90", "--models", "m"]),
            Is.EqualTo(new GpuCheckOptions { Local = true, Seconds = 0.5, BudgetSeconds = 90, ModelsRoot = "m" }));
    }

    [TestCase(new[] { "--gpu" }, "unknown option '--gpu'")]
    [TestCase(new[] { "--seconds" }, "--seconds needs a value")]
    [TestCase(new[] { "--seconds", "fast" }, "--seconds takes seconds between 0 and 600, got 'fast'")]
    [TestCase(new[] { "--budget", "0" }, "--budget takes seconds between 0 and 600, got '0'")]
    public void Bad_options_are_refused_with_what_was_wrong(string[] args, string message) =>
        Assert.That(Assert.Throws<ArgumentException>(() => GpuCheckOptions.Parse(args))!.Message, Is.EqualTo(message));

    [Test]
    public void Without_cuda_a_gpu_run_stops_at_once_with_exit_code_3_and_says_why()
    {
        if (AcceleratorCatalog.HasCuda)
            Assert.Ignore("this machine has a CUDA device: a GPU run would go ahead");
        var output = new StringWriter();
        var exitCode = GpuCheckRun.Execute(GpuCheckOptions.Parse([]), output);
        Assert.That(exitCode, Is.EqualTo(3));
        Assert.That(output.ToString(), Does.Contain("cuda status=absent message=\"no CUDA device found\" detail="));
        Assert.That(output.ToString().TrimEnd(), Does.EndWith("summary result=fail reason=\"no CUDA device found; run with --local to check the CPU half only\""));
    }

    [Test]
    public void Every_kernel_compiles_to_ptx_for_sm_90_without_a_device()
    {
        var output = new StringWriter();
        Assert.That(PtxCompilation.Run(output), Is.EqualTo(0), output.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => l.Split(' ')[1]), Is.EqualTo(new[]
        {
            "kernel=Conv2d", "kernel=Dense", "kernel=FeaturePatches", "kernel=FeatureRows", "kernel=GlobalAveragePool", "kernel=Preprocess", "kernel=Softmax",
        }));
        Assert.That(lines, Has.All.EndsWith("result=pass"));
    }
}
