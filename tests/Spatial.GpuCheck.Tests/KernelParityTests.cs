using Spatial.Kernels.Cpu;
using Spatial.Kernels.Ilgpu;

namespace Spatial.GpuCheck.Tests;

public sealed class KernelParityTests
{
    [Test]
    public void A_deliberately_wrong_dense_kernel_fails_dense_against_the_reference_and_the_cpu_path_and_nothing_else()
    {
        using var cpu = new CpuKernelBackend();
        using var wrong = new DeliberatelyWrongBackend(KernelNames.Dense, 1e-3f);
        var cases = KernelCases.All().Where(c => c.Kernel is KernelNames.Dense or KernelNames.Softmax).ToList();
        var output = new StringWriter();

        var verdicts = KernelParity.Run([new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend("wrong", wrong)], cases, output);

        var failed = verdicts.Where(v => !v.Passed).Select(v => (v.Kernel, v.Backend, v.Versus)).ToList();
        Assert.That(failed, Is.EquivalentTo(new[] { ("dense", "wrong", "reference"), ("dense", "wrong", "cpu") }));
        var vsReference = verdicts.Single(v => v is { Kernel: "dense", Backend: "wrong", Versus: "reference" });
        Assert.That(vsReference.Result.MaxAbsDiff, Is.EqualTo(1e-3).Within(2e-6));
        Assert.That(vsReference.Tolerance, Is.EqualTo(1e-5));
        Assert.That(output.ToString(), Does.Contain("parity kernel=dense backend=wrong versus=reference cases=3 max_abs_diff=1.00E-03 tolerance=1.00E-05"));
        Assert.That(output.ToString(), Does.Contain("versus=cpu cases=3 max_abs_diff=1.00E-03 tolerance=1.00E-04"));
        Assert.That(output.ToString().Split('\n').Where(l => l.Contains("kernel=dense backend=wrong", StringComparison.Ordinal)), Has.All.EndsWith("result=fail"));
    }

    [Test]
    public void A_failed_verdict_makes_the_run_fail_with_exit_code_1()
    {
        using var cpu = new CpuKernelBackend();
        using var wrong = new DeliberatelyWrongBackend(KernelNames.Softmax, 1e-5f);
        var cases = KernelCases.All().Where(c => c.Kernel is KernelNames.Softmax).ToList();
        var verdicts = KernelParity.Run([new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend("wrong", wrong)], cases, TextWriter.Null);

        var summary = new CheckSummary(CudaDevices: 0, verdicts, Forward: [], PtxFailures: 0, FiguresSkipped: 0);

        Assert.That(summary.ParityFailures, Is.EqualTo(1), "1e-5 is outside softmax's 1e-6 against the reference but inside 1e-4 against the cpu path");
        Assert.That(summary.ExitCode, Is.EqualTo(1));
        Assert.That(summary.ToLine(TimeSpan.FromSeconds(2)).ToString(), Does.EndWith("parity_failures=1 ptx_failures=0 figures_skipped=0 errors=0 elapsed_s=2.0 result=fail"));
    }

    [Test]
    public void A_kernel_that_throws_fails_its_verdict_with_the_error_and_the_other_kernels_are_still_checked()
    {
        using var cpu = new CpuKernelBackend();
        using var broken = new DeliberatelyWrongBackend(KernelNames.Pool, 0, new InvalidOperationException("launch failed"));
        var cases = KernelCases.All().Where(c => c.Kernel is KernelNames.Pool or KernelNames.Dense).ToList();
        var output = new StringWriter();

        var verdicts = KernelParity.Run([new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend("broken", broken)], cases, output);

        var pool = verdicts.Single(v => v is { Kernel: "pool", Backend: "broken" });
        Assert.That(pool.Passed, Is.False);
        Assert.That(output.ToString(), Does.Contain("backend=broken versus=reference cases=4 max_abs_diff=0.00E+00 tolerance=1.00E-06 worst_case=none error=\"InvalidOperationException: launch failed\" result=fail"));
        Assert.That(verdicts.Where(v => v.Kernel == "dense").Select(v => v.Passed), Is.EqualTo(new[] { true, true, true }));
    }

    [Test]
    public void Skipped_figures_alone_do_not_fail_a_run() =>
        Assert.That(new CheckSummary(1, [], [], 0, FiguresSkipped: 5).ExitCode, Is.EqualTo(0));

    [Test]
    public void The_ilgpu_cpu_accelerator_passes_every_case_the_check_runs()
    {
        using var cpu = new CpuKernelBackend();
        using var ilgpu = IlgpuKernelBackend.CreateCpu();
        var verdicts = KernelParity.Run([new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend(NamedBackend.IlgpuCpu, ilgpu)], KernelCases.All(), TextWriter.Null);
        // Six kernels: the cpu path against the reference, ILGPU against the reference and against the cpu path.
        Assert.That(verdicts, Has.Count.EqualTo(18));
        Assert.That(verdicts.Where(v => !v.Passed).Select(v => v.ToLine().ToString()), Is.Empty);
    }

    [Test]
    public void The_vectorised_cpu_path_must_be_among_the_backends()
    {
        using var ilgpu = IlgpuKernelBackend.CreateCpu();
        var error = Assert.Throws<ArgumentException>(() => KernelParity.Run([new NamedBackend(NamedBackend.IlgpuCpu, ilgpu)], KernelCases.All(), TextWriter.Null))!;
        Assert.That(error.Message, Does.Contain("'cpu'"));
    }
}
