using Spatial.Kernels;
using Spatial.Models.Data;
using Spatial.Models.Training;

namespace Spatial.Models.Tests;

public class TrainingTests
{
    private static readonly TrainingOptions Tiny = new()
    {
        Seed = 11, TrainingSamples = 96, Epochs = 2, BatchSize = 16, HeldOutSamples = 20, HeldOutSeed = 12, Ablation = false,
    };

    private IKernelBackend _backend = null!;

    [OneTimeSetUp]
    public void CreateBackend() => _backend = KernelBackends.Create(AcceleratorChoice.Cpu);

    [OneTimeTearDown]
    public void DisposeBackend() => _backend.Dispose();

    private TrainingReport Train(TrainingOptions options) =>
        new ReferenceModelTrainer(_backend).Train(options, "0.0.1", "test", DateTimeOffset.UnixEpoch);

    [Test]
    public void SameSeedGivesTheSameWeightsWhateverTheThreadCount()
    {
        var first = Train(Tiny with { Parallelism = 1 });
        var second = Train(Tiny with { Parallelism = 2 });
        Assert.That(second.WeightsSha256, Is.EqualTo(first.WeightsSha256));
        Assert.That(second.HeldOut.Accuracy, Is.EqualTo(first.HeldOut.Accuracy));
    }

    [Test]
    public void DifferentSeedGivesDifferentWeights() =>
        Assert.That(Train(Tiny with { Seed = 13 }).WeightsSha256, Is.Not.EqualTo(Train(Tiny).WeightsSha256));

    [Test]
    public void TrainingLowersTheLossOnAFixedBatch()
    {
        var preprocess = ReferenceArchitecture.Preprocess;
        var data = TrainingSet.Build(_backend, 21, 40, preprocess, ReferenceArchitecture.Features, 2);
        var standardizer = FeatureStandardizer.Fit(data.Features, data.Count, data.FeatureSize);
        var visual = ReferenceArchitecture.VisualLayers();
        var spatial = ReferenceArchitecture.SpatialLayers();
        var network = new DualEncoderNetwork(visual, spatial, ReferenceArchitecture.HeadLayers(32 + spatial[0].Outputs), preprocess.Height, preprocess.Width, 3);
        double Loss() => Enumerable.Range(0, data.Count).Average(i => -Math.Log(NetworkTrainer.Probabilities(network, data, standardizer, i)[data.Labels[i]]));
        var before = Loss();
        NetworkTrainer.Train(network, data, standardizer, new TrainingOptions { Epochs = 8, BatchSize = 8, Parallelism = 2 }, null);
        Assert.That(Loss(), Is.LessThan(before * 0.5));
    }

    [Test]
    public void KernelForwardPassMatchesTheTrainingForwardPass()
    {
        var preprocess = ReferenceArchitecture.Preprocess;
        var data = TrainingSet.Build(_backend, 31, 64, preprocess, ReferenceArchitecture.Features, 2);
        var standardizer = FeatureStandardizer.Fit(data.Features, data.Count, data.FeatureSize);
        var visual = ReferenceArchitecture.VisualLayers();
        var spatial = ReferenceArchitecture.SpatialLayers();
        var network = new DualEncoderNetwork(visual, spatial, ReferenceArchitecture.HeadLayers(32 + spatial[0].Outputs), preprocess.Height, preprocess.Width, 5);
        NetworkTrainer.Train(network, data, standardizer, new TrainingOptions { Epochs = 2, BatchSize = 16, Parallelism = 2 }, null);

        using var root = new TempDirectory();
        var directory = root.Combine("package");
        ModelPackageWriter.Write(directory, ReferenceModelTrainer.BuildManifest(network, "0.0.1", "test", DateTimeOffset.UnixEpoch), ReferenceModelTrainer.ExportTensors(network, standardizer));
        using var classifier = new DualEncoderClassifier(ModelPackage.Load(directory), _backend);
        var images = new PizzaImageGenerator(31).GenerateRange(0, 64).Select(s => s.Image).ToList();
        var batch = classifier.Classify(images);

        var worst = 0.0;
        for (var i = 0; i < images.Count; i++)
        {
            var expected = NetworkTrainer.Probabilities(network, data, standardizer, i);
            for (var k = 0; k < expected.Length; k++)
                worst = Math.Max(worst, Math.Abs(expected[k] - batch.Results[i].Probabilities[PizzaClasses.Labels[k]]));
        }
        TestContext.Out.WriteLine($"largest probability difference, kernels vs training forward pass: {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-4));
    }
}
