using Spatial.Kernels;
using Spatial.Kernels.Tests;
using Spatial.Kernels.Tests.Reference;

namespace Spatial.GpuCheck;

/// <summary>
/// The parity inputs: for every kernel, the shapes the kernel tests find hardest (1×1 images, extreme aspect ratios,
/// sizes not divisible by anything, paired stores, both histogram paths, batches of 64, extreme logits) and the
/// serving shape, all from the test suite's deterministic generators.
/// </summary>
internal static class KernelCases
{
    public static IReadOnlyList<KernelCase> All() =>
        [.. Preprocessing(), .. Features(), .. Convolutions(), .. Pools(), .. DenseLayers(), .. Softmaxes()];

    private static IEnumerable<KernelCase> Preprocessing()
    {
        var square = new PreprocessSpec { Width = 16, Height = 16, CenterCrop = true, Mean = [0.5f, 0.4f, 0.3f], Std = [0.2f, 0.3f, 0.25f] };
        yield return Preprocess("batch-64-mixed-sizes", TestImages.Batch(64, seed: 64), square);
        yield return Preprocess("1x1-to-4x4", [TestImages.Create(1, 1, 10)], new PreprocessSpec { Width = 4, Height = 4 });
        yield return Preprocess("1000x3-crop-16x16", [TestImages.Create(1000, 3, 7009)], new PreprocessSpec { Width = 16, Height = 16, CenterCrop = true });
        yield return Preprocess("37x29-to-13x11", [TestImages.Create(37, 29, 288)], new PreprocessSpec { Width = 13, Height = 11 });
        yield return Preprocess("50x40-to-30x20", [TestImages.Create(50, 40, 390)], new PreprocessSpec { Width = 30, Height = 20 });
        yield return Preprocess("serving-1024x768-crop-224", [TestImages.Create(1024, 768, 1), TestImages.Create(1024, 768, 2)],
            new PreprocessSpec { Width = 224, Height = 224, CenterCrop = true });
    }

    private static IEnumerable<KernelCase> Features()
    {
        yield return Feature("batch-64-mixed-sizes", TestImages.Batch(64, seed: 164, maxSide: 20), new SpatialFeatureSpec { GridSize = 3 });
        yield return Feature("5x3-grid-4", [TestImages.Create(5, 3, 14)], new SpatialFeatureSpec { GridSize = 4, OrientationBins = 6 });
        yield return Feature("129x65-grid-7-bins-16", [TestImages.Create(129, 65, 324)], new SpatialFeatureSpec { GridSize = 7, OrientationBins = 16, DarkThreshold = 0.15f });
        yield return Feature("300x41-grid-5-bins-24", [TestImages.Create(300, 41, 423)], new SpatialFeatureSpec { GridSize = 5, OrientationBins = 24, DarkThreshold = 0.15f });
        yield return Feature("serving-1024x768-grid-8", [TestImages.Create(1024, 768, 3), TestImages.Create(1024, 768, 4)], new SpatialFeatureSpec { GridSize = 8 });
    }

    private static IEnumerable<KernelCase> Convolutions()
    {
        yield return Conv(new Conv2dShape(1, 3, 9, 9, 4, 3, 1, 1, true));
        yield return Conv(new Conv2dShape(2, 2, 10, 7, 3, 3, 2, 1, false));
        yield return Conv(new Conv2dShape(1, 1, 6, 6, 2, 5, 3, 2, false));
        yield return Conv(new Conv2dShape(64, 2, 3, 3, 2, 3, 1, 1, true));
        yield return Conv(new Conv2dShape(4, 3, 64, 64, 8, 3, 2, 1, true));
    }

    private static IEnumerable<KernelCase> Pools()
    {
        foreach (var (batch, channels, height, width) in new[] { (1, 3, 5, 7), (64, 2, 1, 1), (2, 5, 13, 11), (4, 32, 8, 8) })
        {
            var input = TestImages.RandomFloats(batch * channels * height * width, 4);
            yield return new KernelCase(KernelNames.Pool, $"{batch}x{channels}x{height}x{width}", KernelTolerances.GlobalAveragePool,
                backend => Output(batch * channels, output => backend.GlobalAveragePool(input, batch, channels, height, width, output)),
                () => ReferenceKernels.GlobalAveragePool(input, batch, channels, height, width));
        }
    }

    private static IEnumerable<KernelCase> DenseLayers()
    {
        foreach (var (batch, inputs, outputs, relu) in new[] { (1, 7, 3, false), (64, 33, 10, true), (3, 300, 17, true) })
        {
            var input = TestImages.RandomFloats(batch * inputs, 5);
            var weights = TestImages.RandomFloats(outputs * inputs, 6, 0.3f);
            var bias = TestImages.RandomFloats(outputs, 7);
            yield return new KernelCase(KernelNames.Dense, $"{batch}x{inputs}-to-{outputs}{(relu ? "-relu" : "")}", KernelTolerances.Dense,
                backend => Output(batch * outputs, output => backend.Dense(input, batch, inputs, outputs, weights, bias, relu, output)),
                () => ReferenceKernels.Dense(input, batch, inputs, outputs, weights, bias, relu));
        }
    }

    private static IEnumerable<KernelCase> Softmaxes()
    {
        foreach (var (batch, classes) in new[] { (1, 5), (64, 3), (2, 1000) })
            yield return Softmax($"{batch}x{classes}", TestImages.RandomFloats(batch * classes, 8, 10f), batch, classes);
        yield return Softmax("extreme-logits", [1000f, -1000f, 999f, 88f, 89f, -3.4e38f], 2, 3);
    }

    private static KernelCase Preprocess(string name, RgbImage[] images, PreprocessSpec spec) =>
        new(KernelNames.Preprocess, name, KernelTolerances.Preprocess,
            backend => Output(images.Length * 3 * spec.Width * spec.Height, output => backend.Preprocess(images, spec, output)),
            () => ReferenceKernels.Preprocess(images, spec));

    private static KernelCase Feature(string name, RgbImage[] images, SpatialFeatureSpec spec) =>
        new(KernelNames.Features, name, KernelTolerances.SpatialFeatures,
            backend => Output(images.Length * spec.GridSize * spec.GridSize * spec.FeatureCount, output => backend.ExtractSpatialFeatures(images, spec, output)),
            () => ReferenceKernels.SpatialFeatures(images, spec));

    private static KernelCase Conv(Conv2dShape shape)
    {
        var input = TestImages.RandomFloats(shape.Batch * shape.InChannels * shape.Height * shape.Width, 1);
        var weights = TestImages.RandomFloats(shape.OutChannels * shape.InChannels * shape.KernelSize * shape.KernelSize, 2, 0.5f);
        var bias = TestImages.RandomFloats(shape.OutChannels, 3);
        var name = $"{shape.Batch}x{shape.InChannels}x{shape.Height}x{shape.Width}-k{shape.KernelSize}-s{shape.Stride}-p{shape.Padding}-to-{shape.OutChannels}{(shape.Relu ? "-relu" : "")}";
        return new KernelCase(KernelNames.Conv2d, name, KernelTolerances.Conv2d,
            backend => Output(shape.Batch * shape.OutChannels * shape.OutHeight * shape.OutWidth, output => backend.Conv2d(input, shape, weights, bias, output)),
            () => ReferenceKernels.Conv2d(input, shape, weights, bias));
    }

    private static KernelCase Softmax(string name, float[] logits, int batch, int classes) =>
        new(KernelNames.Softmax, name, KernelTolerances.Softmax,
            backend => Output(batch * classes, output => backend.Softmax(logits, batch, classes, output)),
            () => ReferenceKernels.Softmax(logits, batch, classes));

    private static float[] Output(int length, Action<float[]> run)
    {
        var output = new float[length];
        run(output);
        return output;
    }
}
