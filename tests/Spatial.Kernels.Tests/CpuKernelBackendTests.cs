using Spatial.Kernels.Cpu;

namespace Spatial.Kernels.Tests;

/// <summary>The shared suite on the vectorised CPU path.</summary>
[TestFixture]
public sealed class CpuKernelBackendTests : KernelBackendTests
{
    protected override IKernelBackend CreateBackend() => new CpuKernelBackend();

    [Test]
    public void Kind_and_device_describe_the_cpu()
    {
        Assert.That(Backend.Kind, Is.EqualTo(AcceleratorChoice.Cpu));
        Assert.That(Backend.Device.ProcessorCount, Is.EqualTo(Environment.ProcessorCount));
        Assert.That(Backend.Device.ComputeCapability, Is.Null);
    }
}
