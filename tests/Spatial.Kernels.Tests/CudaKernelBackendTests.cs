using Spatial.Kernels.Ilgpu;

namespace Spatial.Kernels.Tests;

/// <summary>The shared suite on CUDA; ignored with the reason where no CUDA device exists.</summary>
[TestFixture]
[Category("Gpu")]
public sealed class CudaKernelBackendTests : KernelBackendTests
{
    protected override IKernelBackend CreateBackend()
    {
        if (!AcceleratorCatalog.HasCuda)
            Assert.Ignore($"no CUDA device: {AcceleratorCatalog.CudaProblem}");
        return IlgpuKernelBackend.CreateCuda();
    }

    [Test]
    public void Device_reports_a_compute_capability_and_a_warp_of_32()
    {
        Assert.That(Backend.Device.ComputeCapability, Does.Match(@"^\d+\.\d+$"));
        Assert.That(Backend.Device.WarpSize, Is.EqualTo(32));
        TestContext.Out.WriteLine($"{Backend.Device} kernel load {((IlgpuKernelBackend)Backend).KernelLoadTime.TotalMilliseconds:F0} ms");
    }
}
