using Spatial.Kernels;
using Spatial.Kernels.Imaging;
using Spatial.Models.Data;

namespace Spatial.Models.Tests;

public class ShippedModelTests
{
    [Test]
    public void ShippedModelMeetsTheAccuracyBarOnTheValidationSet()
    {
        using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
        var package = ModelPackage.Load(ShippedModel.PackageDirectory);
        using var classifier = new DualEncoderClassifier(package, backend);
        var result = ModelEvaluator.Evaluate(classifier, ModelEvaluator.ValidationSeed, 300);
        var metrics = package.Manifest.Metrics;
        TestContext.Out.WriteLine($"{package.Manifest.DisplayName}: accuracy {result.Accuracy:P2} on {result.Samples} generated images");
        TestContext.Out.WriteLine($"training metrics: held-out {metrics.HeldOutAccuracy:P2} on {metrics.HeldOutSamples}; visual-only ablation {metrics.VisualOnlyAccuracy:P2}");
        foreach (var (label, accuracy) in result.PerClassAccuracy)
            TestContext.Out.WriteLine($"  {label,-15} {accuracy:P1}   visual-only (training) {metrics.VisualOnlyPerClassAccuracy![label]:P1}");
        Assert.That(result.Accuracy, Is.GreaterThanOrEqualTo(0.95));
        Assert.That(metrics.HeldOutAccuracy, Is.GreaterThanOrEqualTo(0.95));
        Assert.That(metrics.VisualOnlyAccuracy, Is.LessThan(metrics.HeldOutAccuracy), "the spatial encoder must earn its place");
    }

    [Test]
    public void GoldenImagesAreClassifiedAsTheirClass()
    {
        using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
        using var classifier = new DualEncoderClassifier(ModelPackage.Load(ShippedModel.PackageDirectory), backend);
        var labels = PizzaClasses.Labels;
        var images = labels.Select(l => ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(ShippedModel.GoldenDirectory, $"{l}.png")))).ToList();
        var results = classifier.Classify(images).Results;
        Assert.That(results.Select(r => r.Label), Is.EqualTo(labels));
    }

    [Test]
    public void ClassifyIsBatchedThreadSafeAndOrderPreserving()
    {
        using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
        using var classifier = new DualEncoderClassifier(ModelPackage.Load(ShippedModel.PackageDirectory), backend);
        var images = new PizzaImageGenerator(99).GenerateRange(0, 20).Select(s => s.Image).ToList();
        var whole = classifier.Classify(images).Results;
        var singles = new ClassificationResult[images.Count];
        Parallel.For(0, images.Count, i => singles[i] = classifier.Classify([images[i]]).Results[0]);
        for (var i = 0; i < images.Count; i++)
        {
            Assert.That(singles[i].Label, Is.EqualTo(whole[i].Label));
            Assert.That(singles[i].Confidence, Is.EqualTo(whole[i].Confidence).Within(1e-5));
            Assert.That(whole[i].Probabilities.Values.Sum(), Is.EqualTo(1f).Within(1e-4));
        }
        Assert.Throws<ArgumentException>(() => classifier.Classify([]));
    }

    [Test]
    public void IlgpuBackendGivesTheSameClassificationsAsTheVectorisedCpuBackend()
    {
        var package = ModelPackage.Load(ShippedModel.PackageDirectory);
        var images = new PizzaImageGenerator(7).GenerateRange(0, 10).Select(s => s.Image).ToList();
        using var cpu = KernelBackends.Create(AcceleratorChoice.Cpu);
        using var ilgpu = KernelBackends.Create(AcceleratorChoice.IlgpuCpu);
        using var onCpu = new DualEncoderClassifier(package, cpu);
        using var onIlgpu = new DualEncoderClassifier(package, ilgpu);
        var expected = onCpu.Classify(images).Results;
        var actual = onIlgpu.Classify(images).Results;
        for (var i = 0; i < images.Count; i++)
        {
            Assert.That(actual[i].Label, Is.EqualTo(expected[i].Label));
            foreach (var (label, p) in expected[i].Probabilities)
                Assert.That(actual[i].Probabilities[label], Is.EqualTo(p).Within(1e-3));
        }
    }
}
