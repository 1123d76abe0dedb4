using System.Diagnostics;
using Spatial.Kernels;

namespace Spatial.Models;

/// <summary>
/// The dual-encoder forward pass on a kernel backend: preprocess → conv layers → global average pool
/// (visual embedding); spatial features → dense layers (spatial embedding); concatenation → head →
/// softmax. Batched; thread-safe (weights are read-only and backend calls are serialised, because a
/// backend's device stream is not guaranteed to accept concurrent launches).
/// </summary>
public sealed class DualEncoderClassifier : IDisposable
{
    private readonly IKernelBackend _backend;
    private readonly IReadOnlyList<LoadedLayer> _visual;
    private readonly IReadOnlyList<LoadedLayer> _spatial;
    private readonly IReadOnlyList<LoadedLayer> _head;
    private readonly PreprocessSpec _preprocess;
    private readonly SpatialFeatureSpec _features;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Prepares <paramref name="package"/> for inference on <paramref name="backend"/> (which the caller keeps owning).</summary>
    public DualEncoderClassifier(ModelPackage package, IKernelBackend backend)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        Manifest = package.Manifest;
        _visual = LoadedLayer.From(package, Manifest.VisualEncoder.Layers);
        _spatial = LoadedLayer.From(package, Manifest.SpatialEncoder.Layers);
        _head = LoadedLayer.From(package, Manifest.Head.Layers);
        _preprocess = Manifest.VisualEncoder.Input.ToPreprocessSpec();
        _features = Manifest.SpatialEncoder.Features.ToSpatialFeatureSpec();
    }

    /// <summary>The model's manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Classifies <paramref name="images"/> in one batch; results are in input order.</summary>
    public ClassificationBatch Classify(IReadOnlyList<RgbImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
            throw new ArgumentException("a batch needs at least one image", nameof(images));
        if (images.Any(i => i is null))
            throw new ArgumentException("a batch cannot contain null images", nameof(images));
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            var probabilities = Forward(images, out var preprocess, out var encode);
            return new ClassificationBatch(ToResults(probabilities, images.Count), preprocess, encode);
        }
    }

    /// <summary>Class probabilities [batch, classes] for <paramref name="images"/>, row-major (sizes checked: a batch too large for one array throws, never wraps).</summary>
    internal float[] Forward(IReadOnlyList<RgbImage> images, out TimeSpan preprocess, out TimeSpan encode)
    {
        var batch = images.Count;
        var clock = Stopwatch.StartNew();
        var input = new float[checked(batch * 3 * _preprocess.Height * _preprocess.Width)];
        _backend.Preprocess(images, _preprocess, input);
        var spatialWidth = _spatial[0].Spec.Inputs;
        var features = new float[checked(batch * spatialWidth)];
        _backend.ExtractSpatialFeatures(images, _features, features);
        preprocess = clock.Elapsed;
        clock.Restart();

        var (channels, height, width) = (3, _preprocess.Height, _preprocess.Width);
        var activation = input;
        foreach (var layer in _visual)
        {
            var spec = layer.Spec;
            var shape = new Conv2dShape(batch, channels, height, width, spec.Outputs, spec.KernelSize, spec.Stride, spec.Padding, spec.Relu);
            var output = new float[checked(batch * spec.Outputs * shape.OutHeight * shape.OutWidth)];
            _backend.Conv2d(activation, shape, layer.Weights, layer.Bias, output);
            (activation, channels, height, width) = (output, spec.Outputs, shape.OutHeight, shape.OutWidth);
        }
        var visual = new float[batch * channels];
        _backend.GlobalAveragePool(activation, batch, channels, height, width, visual);
        var spatial = Dense(_spatial, features, batch);

        var visualSize = channels;
        var spatialSize = _spatial[^1].Spec.Outputs;
        var fused = new float[checked(batch * (visualSize + spatialSize))];
        for (var n = 0; n < batch; n++)
        {
            visual.AsSpan(n * visualSize, visualSize).CopyTo(fused.AsSpan(n * (visualSize + spatialSize)));
            spatial.AsSpan(n * spatialSize, spatialSize).CopyTo(fused.AsSpan(n * (visualSize + spatialSize) + visualSize));
        }
        var logits = Dense(_head, fused, batch);
        var probabilities = new float[logits.Length];
        _backend.Softmax(logits, batch, Manifest.Classes.Count, probabilities);
        encode = clock.Elapsed;
        return probabilities;
    }

    private float[] Dense(IReadOnlyList<LoadedLayer> layers, float[] input, int batch)
    {
        var activation = input;
        foreach (var layer in layers)
        {
            var output = new float[checked(batch * layer.Spec.Outputs)];
            _backend.Dense(activation, batch, layer.Spec.Inputs, layer.Spec.Outputs, layer.Weights, layer.Bias, layer.Spec.Relu, output);
            activation = output;
        }
        return activation;
    }

    private List<ClassificationResult> ToResults(float[] probabilities, int batch)
    {
        var classes = Manifest.Classes;
        var results = new List<ClassificationResult>(batch);
        for (var n = 0; n < batch; n++)
        {
            var row = probabilities.AsSpan(n * classes.Count, classes.Count);
            var best = 0;
            var map = new Dictionary<string, float>(classes.Count, StringComparer.Ordinal);
            for (var k = 0; k < classes.Count; k++)
            {
                map[classes[k]] = row[k];
                if (row[k] > row[best])
                    best = k;
            }
            results.Add(new ClassificationResult(classes[best], row[best], map));
        }
        return results;
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
