using Spatial.Kernels.Cpu;
using Spatial.Kernels.Ilgpu;

namespace Spatial.Kernels.Tests;

public sealed class KernelBackendsTests
{
    [Test]
    public void Auto_picks_cuda_exactly_when_a_device_exists()
    {
        using var backend = KernelBackends.Create(AcceleratorChoice.Auto);
        Assert.That(backend.Kind, Is.EqualTo(AcceleratorCatalog.HasCuda ? AcceleratorChoice.Cuda : AcceleratorChoice.Cpu));
    }

    [Test]
    public void Each_choice_creates_its_backend()
    {
        using (var cpu = KernelBackends.Create(AcceleratorChoice.Cpu))
            Assert.That(cpu, Is.InstanceOf<CpuKernelBackend>());
        using var ilgpu = KernelBackends.Create(AcceleratorChoice.IlgpuCpu);
        Assert.That(ilgpu, Is.InstanceOf<IlgpuKernelBackend>());
        Assert.That(ilgpu.Kind, Is.EqualTo(AcceleratorChoice.IlgpuCpu));
    }

    [Test]
    public void Cuda_without_a_device_fails_with_a_clear_message()
    {
        if (AcceleratorCatalog.HasCuda)
            Assert.Ignore("a CUDA device exists on this machine");
        var error = Assert.Throws<AcceleratorUnavailableException>(() => KernelBackends.Create(AcceleratorChoice.Cuda))!;
        Assert.That(error.Choice, Is.EqualTo(AcceleratorChoice.Cuda));
        Assert.That(error.Message, Does.Contain("CUDA").And.Contain("cpu"));
    }

    [Test]
    public void Unknown_choice_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelBackends.Create((AcceleratorChoice)42));

    [Test]
    public void Catalog_lists_cuda_devices_then_the_cpu_without_throwing()
    {
        var devices = AcceleratorCatalog.Describe();
        Assert.That(devices[^1].Kind, Is.EqualTo(AcceleratorChoice.Cpu));
        Assert.That(devices[^1].MemoryBytes, Is.GreaterThan(0));
        Assert.That(devices[^1].Name, Is.Not.Empty);
        Assert.That(devices.Count(d => d.Kind == AcceleratorChoice.Cuda), Is.EqualTo(AcceleratorCatalog.HasCuda ? devices.Count - 1 : 0));
    }

    [Test]
    public void Feature_layout_names_every_feature_in_order()
    {
        var spec = new SpatialFeatureSpec { GridSize = 4, OrientationBins = 6 };
        Assert.That(spec.FeatureCount, Is.EqualTo(15));
        Assert.That(spec.FeatureNames, Has.Count.EqualTo(spec.FeatureCount));
        Assert.That(spec.FeatureNames[SpatialFeatureLayout.DarkFraction], Is.EqualTo("dark_fraction"));
        Assert.That(spec.FeatureNames[SpatialFeatureLayout.OrientationStart + 5], Is.EqualTo("orientation_5"));
        Assert.That(spec.FeatureNames, Is.Unique);
    }

    [Test]
    public void Spec_versions_are_checked_against_the_library()
    {
        Assert.DoesNotThrow(() => new SpatialFeatureSpec { GridSize = 4 }.Validate());
        Assert.Throws<ArgumentException>(() => new SpatialFeatureSpec { GridSize = 4, Version = "spatial-features/9" }.Validate());
        Assert.Throws<ArgumentException>(() => new PreprocessSpec { Width = 4, Height = 4, Version = "preprocess/9" }.Validate());
    }
}
