using System.Diagnostics;
using Spatial.Kernels;
using Spatial.Models.Data;
using Spatial.Models.Registry;
using Spatial.Models.Safetensors;

namespace Spatial.Models.Training;

/// <summary>
/// The reference recipe: generate pizzas, turn them into inputs with the kernel library, train the
/// dual encoder (and the visual-only ablation) with Adam, fold the feature standardisation into the
/// spatial encoder, and measure the packaged model on a held-out set through the kernel forward pass.
/// </summary>
public sealed class ReferenceModelTrainer(IKernelBackend backend)
{
    /// <summary>
    /// The build target's one call: trains on the vectorised CPU backend, writes the new version under
    /// <see cref="ReferenceTrainingRequest.ModelsRoot"/>, registers it and returns the metrics.
    /// </summary>
    public static TrainingReport TrainAndRegister(ReferenceTrainingRequest request, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var registry = new ModelRegistry(request.ModelsRoot);
        var version = request.Version ?? NextVersion(registry.Read());
        var directory = Path.Combine(registry.Root, ReferenceArchitecture.ModelName, version);
        if (Directory.Exists(directory))
            throw new RegistryException($"{directory} already exists; choose another version");
        using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
        var report = new ReferenceModelTrainer(backend).Train(request.Training, version, request.SourceCommit, request.Created ?? DateTimeOffset.UtcNow, directory, log);
        registry.Register(directory, new Dictionary<string, string> { ["recipe"] = "reference", ["seed"] = request.Training.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        log?.Invoke($"registered {report.Manifest.DisplayName} in {registry.FilePath}");
        return report;
    }

    private static string NextVersion(RegistryDocument document)
    {
        if (!document.Models.TryGetValue(ReferenceArchitecture.ModelName, out var model) || model.Versions.Count == 0)
            return "1.0.0";
        var latest = model.Versions.Select(v => SemanticVersion.Parse(v.Version)).Max()!;
        return $"{latest.Major}.{latest.Minor + 1}.0";
    }

    /// <summary>Trains and writes a package to <paramref name="packageDirectory"/> (null: a temporary directory that is deleted).</summary>
    public TrainingReport Train(TrainingOptions options, string version, string sourceCommit, DateTimeOffset created, string? packageDirectory = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        SemanticVersion.Parse(version);
        var clock = Stopwatch.StartNew();
        var preprocess = ReferenceArchitecture.Preprocess;
        var features = ReferenceArchitecture.Features;
        log?.Invoke($"generating {options.TrainingSamples} training and {options.HeldOutSamples} held-out images");
        var training = TrainingSet.Build(backend, options.Seed, options.TrainingSamples, preprocess, features, options.Parallelism);
        var heldOut = TrainingSet.Build(backend, options.HeldOutSeed, options.HeldOutSamples, preprocess, features, options.Parallelism);
        var standardizer = FeatureStandardizer.Fit(training.Features, training.Count, training.FeatureSize);

        var visual = ReferenceArchitecture.VisualLayers();
        var spatial = ReferenceArchitecture.SpatialLayers();
        var head = ReferenceArchitecture.HeadLayers(visual[^2].Outputs + spatial[^1].Outputs);
        var network = new DualEncoderNetwork(visual, spatial, head, preprocess.Height, preprocess.Width, options.Seed);
        log?.Invoke("training the dual encoder");
        NetworkTrainer.Train(network, training, standardizer, options, log);

        EvaluationResult? visualOnly = null;
        if (options.Ablation)
        {
            log?.Invoke("training the visual-only ablation (same recipe, no spatial encoder)");
            var ablation = new DualEncoderNetwork(visual, [], ReferenceArchitecture.HeadLayers(visual[^2].Outputs), preprocess.Height, preprocess.Width, options.Seed);
            NetworkTrainer.Train(ablation, training, standardizer, options, log);
            visualOnly = EvaluationResult.From(PizzaClasses.Labels, heldOut.Labels, NetworkTrainer.Predict(ablation, heldOut, standardizer, options.Parallelism));
        }

        var manifest = BuildManifest(network, version, sourceCommit, created);
        var tensors = ExportTensors(network, standardizer);
        var temporary = packageDirectory is null;
        var directory = packageDirectory ?? Path.Combine(Path.GetTempPath(), $"spatial-model-{Guid.NewGuid():N}");
        manifest = ModelPackageWriter.Write(directory, manifest, tensors);
        try
        {
            // The metrics are measured on the package as served: loaded, verified, run on the kernels.
            var package = ModelPackage.Load(directory);
            using var classifier = new DualEncoderClassifier(package, backend);
            var measured = Evaluate(classifier, heldOut, options.HeldOutSeed);
            manifest = manifest with
            {
                Metrics = new ModelMetrics
                {
                    HeldOutAccuracy = measured.Accuracy,
                    PerClassAccuracy = measured.PerClassAccuracy,
                    VisualOnlyAccuracy = visualOnly?.Accuracy,
                    VisualOnlyPerClassAccuracy = visualOnly?.PerClassAccuracy,
                    HeldOutSamples = options.HeldOutSamples,
                    HeldOutSeed = options.HeldOutSeed,
                    TrainingSamples = options.TrainingSamples,
                    TrainingSeed = options.Seed,
                    Epochs = options.Epochs,
                },
            };
            ModelPackageWriter.WriteManifest(directory, manifest);
            return new TrainingReport(manifest, temporary ? null : Path.GetFullPath(directory), measured, visualOnly, clock.Elapsed, manifest.Artifacts[0].Sha256);
        }
        finally
        {
            if (temporary)
                Directory.Delete(directory, recursive: true);
        }
    }

    private static EvaluationResult Evaluate(DualEncoderClassifier classifier, TrainingSet heldOut, int seed)
    {
        var generator = new PizzaImageGenerator(seed);
        var predicted = new List<int>(heldOut.Count);
        const int batch = 100;
        for (var start = 0; start < heldOut.Count; start += batch)
        {
            var images = generator.GenerateRange(start, Math.Min(batch, heldOut.Count - start)).Select(s => s.Image).ToList();
            foreach (var result in classifier.Classify(images).Results)
                predicted.Add(IndexOf(result.Label));
        }
        return EvaluationResult.From(PizzaClasses.Labels, heldOut.Labels, predicted);
    }

    private static int IndexOf(string label)
    {
        for (var k = 0; k < PizzaClasses.Count; k++)
        {
            if (PizzaClasses.Labels[k] == label)
                return k;
        }
        throw new InvalidOperationException($"unknown label '{label}'");
    }

    internal static List<Float32Tensor> ExportTensors(DualEncoderNetwork network, FeatureStandardizer standardizer)
    {
        var tensors = new List<Float32Tensor>();
        var first = network.Spatial.Count > 0 ? network.Spatial[0].Name : null;
        foreach (var parameter in network.Parameters)
        {
            if (first is not null && parameter.Name == $"{first}.weight")
            {
                var (w, b) = standardizer.Fold(parameter.Value, network[$"{first}.bias"].Value, network.Spatial[0].Outputs);
                tensors.Add(new Float32Tensor(parameter.Name, parameter.Shape, w));
                tensors.Add(new Float32Tensor($"{first}.bias", network[$"{first}.bias"].Shape, b));
            }
            else if (first is null || parameter.Name != $"{first}.bias")
            {
                tensors.Add(new Float32Tensor(parameter.Name, parameter.Shape, (float[])parameter.Value.Clone()));
            }
        }
        return tensors;
    }

    internal static ModelManifest BuildManifest(DualEncoderNetwork network, string version, string sourceCommit, DateTimeOffset created)
    {
        var preprocess = ReferenceArchitecture.Preprocess;
        var features = ReferenceArchitecture.Features;
        return new ModelManifest
        {
            Name = ReferenceArchitecture.ModelName,
            Version = version,
            Created = created,
            SourceCommit = sourceCommit,
            Classes = PizzaClasses.Labels,
            VisualEncoder = new VisualEncoderSpec
            {
                Architecture = "conv-gap/1",
                Version = version,
                Input = new InputSpec
                {
                    PreprocessVersion = preprocess.Version, Width = preprocess.Width, Height = preprocess.Height,
                    CenterCrop = preprocess.CenterCrop, Mean = preprocess.Mean, Std = preprocess.Std,
                },
                Layers = [.. network.Visual, new LayerSpec { Kind = LayerSpec.GlobalAveragePool }],
                EmbeddingSize = network.VisualEmbedding,
            },
            SpatialEncoder = new SpatialEncoderSpec
            {
                Architecture = "dense/1",
                Version = version,
                Features = new FeatureSpec
                {
                    Version = features.Version, GridSize = features.GridSize, OrientationBins = features.OrientationBins,
                    DarkThreshold = features.DarkThreshold, FeaturesPerPatch = FeatureLayout.FeaturesPerPatch(features),
                },
                Layers = network.Spatial,
                EmbeddingSize = network.SpatialEmbedding,
            },
            Head = new HeadSpec { InputSize = network.VisualEmbedding + network.SpatialEmbedding, Layers = network.Head, Classes = network.Classes },
            Artifacts = [],
        };
    }
}
