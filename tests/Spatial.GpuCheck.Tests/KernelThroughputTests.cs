using System.Diagnostics;
using Spatial.Kernels.Cpu;

namespace Spatial.GpuCheck.Tests;

public sealed class KernelThroughputTests
{
    [Test]
    public void Every_workload_gets_a_figure_throwing_ones_an_error_line_and_a_spent_budget_skipped_lines()
    {
        var package = ShippedModel.Load(RepositoryModels.Root);
        using var cpu = new CpuKernelBackend();
        using var broken = new DeliberatelyWrongBackend(KernelNames.Pool, 0, new InvalidOperationException("launch failed"));
        var backends = new[] { new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend("broken", broken) };
        var output = new StringWriter();

        var (skipped, errors) = KernelThroughput.Run(backends, cuda => ThroughputWorkloads.Create(package, cuda), 0.02, Stopwatch.StartNew(), 600, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The forward pass pools too, so it fails with the pool kernel.
        Assert.That((skipped, errors), Is.EqualTo((0, 2)));
        Assert.That(lines.Select(l => l.Split(' ')[1]).Distinct(), Is.EqualTo(new[]
        {
            "kernel=preprocess", "kernel=features", "kernel=conv2d", "kernel=pool", "kernel=dense", "kernel=softmax", "kernel=forward",
        }));
        var failing = lines.Where(l => l.Contains("kernel=pool backend=broken", StringComparison.Ordinal) || l.Contains("kernel=forward backend=broken", StringComparison.Ordinal)).ToList();
        Assert.That(failing, Has.Count.EqualTo(2).And.All.EndsWith("status=error error=\"InvalidOperationException: launch failed\""));
        Assert.That(lines.Except(failing), Has.All.EndsWith("status=measured"));
        Assert.That(lines.Single(l => l.Contains("kernel=dense backend=broken", StringComparison.Ordinal)), Does.Contain("ratio_vs_cpu="));

        var late = new StringWriter();
        var spent = KernelThroughput.Run(backends, cuda => ThroughputWorkloads.Create(package, cuda), 0.02, Stopwatch.StartNew(), 1e-9, late);
        Assert.That(spent, Is.EqualTo((14, 0)));
        Assert.That(late.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.All.Contains("status=skipped reason=\"time budget of 0 s spent\""));
    }
}
