using Spatial.Kernels;
using Spatial.Kernels.Ilgpu;
using Spatial.Kernels.Planning;
using Spatial.Kernels.Tests;
using Spatial.Models;

namespace Spatial.GpuCheck;

/// <summary>
/// What throughput is measured on: preprocessing and features at the serving shape (1024×768 photographs), the encoder
/// ops at the shipped model's own layer shapes, and the whole forward pass. CUDA batches give every kernel at least
/// two work items per resident thread of an H200 (132 multiprocessors × 2048 threads), so the device is full; CPU
/// batches keep every core busy without making one call of ILGPU's CPU accelerator take seconds.
/// </summary>
internal static class ThroughputWorkloads
{
    private const int SourceWidth = 1024, SourceHeight = 768;

    // Distinct source images per batch; the batch repeats them, which the kernels cannot tell from new ones.
    private const int DistinctImages = 8;

    private static readonly Lazy<RgbImage[]> DistinctPhotographs =
        new(() => Enumerable.Range(0, DistinctImages).Select(i => TestImages.Create(SourceWidth, SourceHeight, 900 + i)).ToArray());

    public static IReadOnlyList<ThroughputWorkload> Create(ModelPackage package, bool cuda) =>
    [
        Preprocess(cuda ? 128 : 32),
        Features(cuda ? 256 : 16),
        Conv2d(package.Manifest, cuda ? 4096 : 64),
        Pool(package.Manifest, cuda ? 16_384 : 1024),
        Dense(package.Manifest, cuda ? 65_536 : 1024),
        Softmax(package.Manifest, cuda ? 1 << 20 : 4096),
        Forward(package, cuda ? 1024 : 64),
    ];

    private static ThroughputWorkload Preprocess(int batch)
    {
        var spec = new PreprocessSpec { Width = 224, Height = 224, CenterCrop = true };
        var outputLength = batch * 3 * spec.Width * spec.Height;
        var images = Photographs(batch);
        // The ILGPU backend uploads only the source rows and columns the taps read (TappedPixels).
        var uploaded = (double)TappedPixels.Create(PreprocessPlan.Create(images, spec, outputLength)).TotalBytes / batch;
        return new ThroughputWorkload(KernelNames.Preprocess, $"{SourceWidth}x{SourceHeight}-crop-224", batch,
            new ImageTraffic(uploaded, 3.0 * spec.Width * spec.Height * sizeof(float)), backend =>
            {
                var output = new float[outputLength];
                return () => backend.Preprocess(images, spec, output);
            });
    }

    private static ThroughputWorkload Features(int batch)
    {
        var spec = new SpatialFeatureSpec { GridSize = 8 };
        var floats = spec.GridSize * spec.GridSize * spec.FeatureCount;
        var images = Photographs(batch);
        return new ThroughputWorkload(KernelNames.Features, $"{SourceWidth}x{SourceHeight}-grid-8", batch,
            new ImageTraffic(3.0 * SourceWidth * SourceHeight, floats * sizeof(float)), backend =>
            {
                var output = new float[batch * floats];
                return () => backend.ExtractSpatialFeatures(images, spec, output);
            });
    }

    private static ThroughputWorkload Conv2d(ModelManifest manifest, int batch)
    {
        var layer = manifest.VisualEncoder.Layers[0];
        var input = manifest.VisualEncoder.Input;
        var shape = new Conv2dShape(batch, layer.Inputs, input.Height, input.Width, layer.Outputs, layer.KernelSize, layer.Stride, layer.Padding, layer.Relu);
        var inFloats = shape.InChannels * shape.Height * shape.Width;
        var outFloats = shape.OutChannels * shape.OutHeight * shape.OutWidth;
        return new ThroughputWorkload(KernelNames.Conv2d, $"{layer.Name}-{shape.InChannels}x{shape.Height}x{shape.Width}-to-{shape.OutChannels}x{shape.OutHeight}x{shape.OutWidth}",
            batch, new ImageTraffic(inFloats * sizeof(float), outFloats * sizeof(float)), backend =>
            {
                var x = Tiled(batch * inFloats, 1);
                var weights = TestImages.RandomFloats(shape.OutChannels * shape.InChannels * shape.KernelSize * shape.KernelSize, 2, 0.5f);
                var bias = TestImages.RandomFloats(shape.OutChannels, 3);
                var output = new float[batch * outFloats];
                return () => backend.Conv2d(x, shape, weights, bias, output);
            });
    }

    private static ThroughputWorkload Pool(ModelManifest manifest, int batch)
    {
        // The visual encoder's last activation: every conv layer applied to the input size.
        var (channels, height, width) = (3, manifest.VisualEncoder.Input.Height, manifest.VisualEncoder.Input.Width);
        foreach (var layer in manifest.VisualEncoder.Layers.Where(l => l.Kind == LayerSpec.Conv2d))
        {
            var shape = new Conv2dShape(1, channels, height, width, layer.Outputs, layer.KernelSize, layer.Stride, layer.Padding, layer.Relu);
            (channels, height, width) = (layer.Outputs, shape.OutHeight, shape.OutWidth);
        }
        var inFloats = channels * height * width;
        return new ThroughputWorkload(KernelNames.Pool, $"{channels}x{height}x{width}", batch,
            new ImageTraffic(inFloats * sizeof(float), channels * sizeof(float)), backend =>
            {
                var x = Tiled(batch * inFloats, 4);
                var output = new float[batch * channels];
                return () => backend.GlobalAveragePool(x, batch, channels, height, width, output);
            });
    }

    private static ThroughputWorkload Dense(ModelManifest manifest, int batch)
    {
        var layer = manifest.SpatialEncoder.Layers[0];
        return new ThroughputWorkload(KernelNames.Dense, $"{layer.Name}-{layer.Inputs}-to-{layer.Outputs}", batch,
            new ImageTraffic(layer.Inputs * sizeof(float), layer.Outputs * sizeof(float)), backend =>
            {
                var x = Tiled(batch * layer.Inputs, 5);
                var weights = TestImages.RandomFloats(layer.Outputs * layer.Inputs, 6, 0.3f);
                var bias = TestImages.RandomFloats(layer.Outputs, 7);
                var output = new float[batch * layer.Outputs];
                return () => backend.Dense(x, batch, layer.Inputs, layer.Outputs, weights, bias, layer.Relu, output);
            });
    }

    private static ThroughputWorkload Softmax(ModelManifest manifest, int batch)
    {
        var classes = manifest.Classes.Count;
        return new ThroughputWorkload(KernelNames.Softmax, $"{classes}-classes", batch,
            new ImageTraffic(classes * sizeof(float), classes * sizeof(float)), backend =>
            {
                var logits = Tiled(batch * classes, 8, 10f);
                var output = new float[batch * classes];
                return () => backend.Softmax(logits, batch, classes, output);
            });
    }

    private static ThroughputWorkload Forward(ModelPackage package, int batch) =>
        new(KernelNames.Forward, "shipped-model-96x96-validation-images", batch, Traffic: null, backend =>
        {
            var images = ForwardPassParity.ValidationImages(Math.Min(batch, 256));
            var repeated = Enumerable.Range(0, batch).Select(i => images[i % images.Count]).ToList();
            var classifier = new DualEncoderClassifier(package, backend);
            return () => classifier.Classify(repeated);
        });

    private static RgbImage[] Photographs(int batch) =>
        Enumerable.Range(0, batch).Select(i => DistinctPhotographs.Value[i % DistinctImages]).ToArray();

    /// <summary>A long input made of one random tile repeated: generating tens of millions of random floats would take seconds.</summary>
    private static float[] Tiled(int count, int seed, float scale = 1f)
    {
        var tile = TestImages.RandomFloats(Math.Min(count, 1 << 16), seed, scale);
        var values = new float[count];
        for (var offset = 0; offset < count; offset += tile.Length)
            tile.AsSpan(0, Math.Min(tile.Length, count - offset)).CopyTo(values.AsSpan(offset));
        return values;
    }
}
