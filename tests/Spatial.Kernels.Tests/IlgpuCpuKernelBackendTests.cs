using Spatial.Kernels.Ilgpu;

namespace Spatial.Kernels.Tests;

/// <summary>The shared suite on ILGPU's CPU accelerator: the same kernels CUDA runs, on every machine.</summary>
[TestFixture]
public sealed class IlgpuCpuKernelBackendTests : KernelBackendTests
{
    protected override IKernelBackend CreateBackend() => IlgpuKernelBackend.CreateCpu();

    [Test]
    public void Kernels_are_loaded_once_and_the_load_time_is_reported()
    {
        Assert.That(Backend.Kind, Is.EqualTo(AcceleratorChoice.IlgpuCpu));
        Assert.That(((IlgpuKernelBackend)Backend).KernelLoadTime, Is.GreaterThan(TimeSpan.Zero));
        var report = KernelWarmUp.Run(Backend);
        Assert.That(report.KernelLoad, Is.EqualTo(((IlgpuKernelBackend)Backend).KernelLoadTime));
        Assert.That(report.FirstCall, Is.GreaterThan(TimeSpan.Zero));
    }
}
