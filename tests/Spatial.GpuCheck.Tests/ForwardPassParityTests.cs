using Spatial.Kernels.Cpu;
using Spatial.Kernels.Ilgpu;

namespace Spatial.GpuCheck.Tests;

public sealed class ForwardPassParityTests
{
    [Test]
    public void A_wrong_softmax_fails_the_forward_pass_on_its_probabilities()
    {
        var package = ShippedModel.Load(RepositoryModels.Root);
        using var cpu = new CpuKernelBackend();
        using var wrong = new DeliberatelyWrongBackend(KernelNames.Softmax, 0.01f);
        var output = new StringWriter();

        var verdict = ForwardPassParity.Run(package, [new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend("wrong", wrong)], output).Single();

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.LabelMismatches, Is.EqualTo(0), "the same shift on every class keeps the order");
        Assert.That(verdict.Probabilities.MaxAbsDiff, Is.EqualTo(0.01).Within(1e-6));
        Assert.That(output.ToString(), Does.StartWith("forward model=pizza-doneness@1.0.0 backend=wrong versus=cpu images=100 labels_identical=true"));
        Assert.That(output.ToString().TrimEnd(), Does.EndWith("tolerance=1.00E-03 result=fail"));
    }

    [Test]
    public void The_ilgpu_cpu_accelerator_gives_the_cpu_paths_labels_and_probabilities()
    {
        var package = ShippedModel.Load(RepositoryModels.Root);
        using var cpu = new CpuKernelBackend();
        using var ilgpu = IlgpuKernelBackend.CreateCpu();
        var verdict = ForwardPassParity.Run(package, [new NamedBackend(NamedBackend.Cpu, cpu), new NamedBackend(NamedBackend.IlgpuCpu, ilgpu)], TextWriter.Null).Single();
        Assert.That(verdict.Passed, Is.True, verdict.ToLine().ToString());
    }

    [Test]
    public void A_missing_models_folder_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-models-{Guid.NewGuid():N}");
        var error = Assert.Throws<Spatial.Models.ModelPackageException>(() => ShippedModel.Load(missing))!;
        Assert.That(error.Message, Does.Contain("no model registry at").And.Contain("--models"));
    }
}
