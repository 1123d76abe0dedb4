using Spatial.Kernels.Cpu;
using Spatial.Kernels.Tests.Goldens;
using Spatial.Kernels.Tests.Reference;

namespace Spatial.Kernels.Tests;

/// <summary>
/// The one suite every backend runs: each kernel against the plain reference (tolerances stated per
/// test, from <see cref="KernelTolerances"/>) and against the vectorised CPU path (parity, at most 1e-4 on normalised outputs).
/// </summary>
public abstract class KernelBackendTests
{
    private IKernelBackend _backend = null!;
    private CpuKernelBackend _cpu = null!;

    protected abstract IKernelBackend CreateBackend();

    protected IKernelBackend Backend => _backend;

    [OneTimeSetUp]
    public void CreateBackends()
    {
        _backend = CreateBackend();
        _cpu = new CpuKernelBackend();
    }

    [OneTimeTearDown]
    public void DisposeBackends()
    {
        _backend?.Dispose();
        _cpu?.Dispose();
    }

    private static readonly PreprocessSpec Square = new() { Width = 16, Height = 16 };

    [TestCase(1, 1, 4, 4, false, TestName = "{m}: 1x1 image upscaled")]
    [TestCase(1000, 3, 16, 16, true, TestName = "{m}: very wide image, centre crop")]
    [TestCase(3, 1000, 16, 8, false, TestName = "{m}: very tall image, stretched")]
    [TestCase(37, 29, 13, 11, false, TestName = "{m}: sizes not divisible by any group size")]
    [TestCase(64, 48, 40, 40, true, TestName = "{m}: 4:3 image, centre crop")]
    [TestCase(20, 20, 45, 33, false, TestName = "{m}: upscale")]
    [TestCase(96, 72, 24, 24, false, TestName = "{m}: downscale")]
    [TestCase(50, 40, 30, 20, false, TestName = "{m}: row width two more than a multiple of four")]
    [TestCase(1024, 768, 224, 224, true, TestName = "{m}: serving shape, 1024x768 centre crop to 224x224")]
    public void Preprocess_matches_reference(int width, int height, int outWidth, int outHeight, bool crop)
    {
        var images = new[] { TestImages.Create(width, height, width * 7 + height) };
        var spec = new PreprocessSpec { Width = outWidth, Height = outHeight, CenterCrop = crop };
        var output = new float[3 * outWidth * outHeight];
        Backend.Preprocess(images, spec, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.Preprocess(images, spec)), Is.LessThanOrEqualTo(KernelTolerances.Preprocess));
    }

    [TestCase(1)]
    [TestCase(64)]
    public void Preprocess_batches_of_mixed_sizes_match_reference_and_cpu(int batch)
    {
        var images = TestImages.Batch(batch, seed: batch);
        var spec = Square with { CenterCrop = batch % 2 == 0, Mean = [0.5f, 0.4f, 0.3f], Std = [0.2f, 0.3f, 0.25f] };
        var output = new float[batch * 3 * 16 * 16];
        Backend.Preprocess(images, spec, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.Preprocess(images, spec)), Is.LessThanOrEqualTo(KernelTolerances.Preprocess));
        var cpu = new float[output.Length];
        _cpu.Preprocess(images, spec, cpu);
        Assert.That(TestImages.MaxAbsDiff(output, cpu), Is.LessThanOrEqualTo(KernelTolerances.ParityWithCpu), "parity with the vectorised CPU path");
    }

    [Test]
    public void Preprocess_of_an_empty_batch_writes_nothing() =>
        Assert.DoesNotThrow(() => Backend.Preprocess([], Square, Span<float>.Empty));

    [Test]
    public void Preprocess_refuses_a_wrong_output_length_and_an_unknown_version()
    {
        var images = new[] { TestImages.Create(8, 8, 1) };
        Assert.Throws<ArgumentException>(() => Backend.Preprocess(images, Square, new float[10]));
        Assert.Throws<ArgumentException>(() => Backend.Preprocess(images, Square with { Version = "preprocess/0" }, new float[3 * 16 * 16]));
        Assert.Throws<ArgumentException>(() => Backend.Preprocess(images, Square with { Std = [0.2f, 0f, 0.2f] }, new float[3 * 16 * 16]));
    }

    [TestCase(1, 1, 4, 8, TestName = "{m}: 1x1 image on a 4x4 grid")]
    [TestCase(5, 3, 4, 6, TestName = "{m}: image smaller than the grid")]
    [TestCase(200, 4, 3, 8, TestName = "{m}: very wide image")]
    [TestCase(37, 29, 4, 8, TestName = "{m}: sizes not divisible by the grid")]
    [TestCase(64, 48, 8, 9, TestName = "{m}: 8x8 grid, 9 bins")]
    [TestCase(33, 33, 1, 1, TestName = "{m}: one patch, one bin")]
    [TestCase(129, 65, 7, 16, TestName = "{m}: 16 bins, segments not a multiple of the vector width")]
    [TestCase(300, 41, 5, 24, TestName = "{m}: 24 bins (scattered histogram)")]
    public void Spatial_features_match_reference(int width, int height, int grid, int bins)
    {
        var images = new[] { TestImages.Create(width, height, width + 3 * height) };
        var spec = new SpatialFeatureSpec { GridSize = grid, OrientationBins = bins, DarkThreshold = 0.15f };
        var output = new float[grid * grid * spec.FeatureCount];
        Backend.ExtractSpatialFeatures(images, spec, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.SpatialFeatures(images, spec)), Is.LessThanOrEqualTo(KernelTolerances.SpatialFeatures));
    }

    [TestCase(1)]
    [TestCase(64)]
    public void Spatial_feature_batches_match_reference_and_cpu(int batch)
    {
        var images = TestImages.Batch(batch, seed: 100 + batch, maxSide: 20);
        var spec = new SpatialFeatureSpec { GridSize = 3 };
        var output = new float[batch * 9 * spec.FeatureCount];
        Backend.ExtractSpatialFeatures(images, spec, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.SpatialFeatures(images, spec)), Is.LessThanOrEqualTo(KernelTolerances.SpatialFeatures));
        var cpu = new float[output.Length];
        _cpu.ExtractSpatialFeatures(images, spec, cpu);
        Assert.That(TestImages.MaxAbsDiff(output, cpu), Is.LessThanOrEqualTo(KernelTolerances.ParityWithCpu), "parity with the vectorised CPU path");
    }

    [Test]
    public void Spatial_features_refuse_a_foreign_spec_version_and_a_wrong_output_length()
    {
        var images = new[] { TestImages.Create(8, 8, 1) };
        var spec = new SpatialFeatureSpec { GridSize = 2 };
        Assert.Throws<ArgumentException>(() => Backend.ExtractSpatialFeatures(images, spec with { Version = "spatial-features/2" }, new float[4 * spec.FeatureCount]));
        Assert.Throws<ArgumentException>(() => Backend.ExtractSpatialFeatures(images, spec, new float[4 * spec.FeatureCount + 1]));
        Assert.Throws<ArgumentException>(() => Backend.ExtractSpatialFeatures(images, spec with { GridSize = 0 }, new float[0]));
    }

    [TestCase(1, 3, 9, 9, 4, 3, 1, 1, true)]
    [TestCase(2, 2, 10, 7, 3, 3, 2, 1, false)]
    [TestCase(3, 4, 5, 5, 2, 1, 1, 0, true)]
    [TestCase(1, 1, 6, 6, 2, 5, 3, 2, false)]
    [TestCase(64, 2, 3, 3, 2, 3, 1, 1, true)]
    public void Conv2d_matches_reference(int batch, int cin, int height, int width, int cout, int k, int stride, int padding, bool relu)
    {
        var shape = new Conv2dShape(batch, cin, height, width, cout, k, stride, padding, relu);
        var input = TestImages.RandomFloats(batch * cin * height * width, 1);
        var weights = TestImages.RandomFloats(cout * cin * k * k, 2, 0.5f);
        var bias = TestImages.RandomFloats(cout, 3);
        var output = new float[batch * cout * shape.OutHeight * shape.OutWidth];
        Backend.Conv2d(input, shape, weights, bias, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.Conv2d(input, shape, weights, bias)), Is.LessThanOrEqualTo(KernelTolerances.Conv2d));
        if (relu)
            Assert.That(output, Has.All.GreaterThanOrEqualTo(0f));
    }

    [Test]
    public void Conv2d_refuses_mismatched_shapes()
    {
        var shape = new Conv2dShape(1, 2, 4, 4, 3, 3, 1, 1, false);
        Assert.Throws<ArgumentException>(() => Backend.Conv2d(new float[31], shape, new float[54], new float[3], new float[48]));
        Assert.Throws<ArgumentException>(() => Backend.Conv2d(new float[32], shape, new float[54], new float[2], new float[48]));
        Assert.Throws<ArgumentException>(() => Backend.Conv2d(new float[32], shape with { KernelSize = 7, Padding = 0 }, new float[294], new float[3], new float[0]));
    }

    [Test]
    public void Conv2d_refuses_a_weight_count_that_wraps_to_zero_before_touching_memory()
    {
        // 16 * 16 * 2^28 * 2^28 = 2^64: unchecked, the expected weight count is 0 and an empty span passes the check.
        const int k = 1 << 28;
        var shape = new Conv2dShape(1, 16, 64, 64, 16, k, 1, k / 2, false);
        var error = Assert.Throws<ArgumentException>(() => Backend.Conv2d(new float[16 * 64 * 64], shape, [], new float[16], new float[16 * 65 * 65]))!;
        Assert.That(error.Message, Does.StartWith("convolution shape").And.Contain("KernelSize = 268435456"));
    }

    [Test]
    public void Conv2d_refuses_padding_whose_output_size_overflows()
    {
        var shape = new Conv2dShape(1, 1, 4, 4, 1, 1, 1, int.MaxValue / 2, false);
        Assert.Throws<ArgumentException>(() => Backend.Conv2d(new float[16], shape, new float[1], new float[1], new float[16]));
    }

    [Test]
    public void Global_average_pool_refuses_an_element_count_that_wraps()
    {
        // 2^16 * 2^16 * 2^16 * 2^16 = 2^64: unchecked, an empty input matches.
        const int d = 1 << 16;
        Assert.Throws<ArgumentException>(() => Backend.GlobalAveragePool([], d, d, d, d, new float[0]));
    }

    [TestCase(1, 3, 5, 7)]
    [TestCase(64, 2, 1, 1)]
    [TestCase(2, 5, 13, 11)]
    public void Global_average_pool_matches_reference(int batch, int channels, int height, int width)
    {
        var input = TestImages.RandomFloats(batch * channels * height * width, 4);
        var output = new float[batch * channels];
        Backend.GlobalAveragePool(input, batch, channels, height, width, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.GlobalAveragePool(input, batch, channels, height, width)), Is.LessThanOrEqualTo(KernelTolerances.GlobalAveragePool));
    }

    [TestCase(1, 7, 3, false)]
    [TestCase(64, 33, 10, true)]
    [TestCase(3, 300, 17, true)]
    public void Dense_matches_reference(int batch, int inFeatures, int outFeatures, bool relu)
    {
        var input = TestImages.RandomFloats(batch * inFeatures, 5);
        var weights = TestImages.RandomFloats(outFeatures * inFeatures, 6, 0.3f);
        var bias = TestImages.RandomFloats(outFeatures, 7);
        var output = new float[batch * outFeatures];
        Backend.Dense(input, batch, inFeatures, outFeatures, weights, bias, relu, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.Dense(input, batch, inFeatures, outFeatures, weights, bias, relu)), Is.LessThanOrEqualTo(KernelTolerances.Dense));
    }

    [Test]
    public void Dense_refuses_mismatched_shapes() =>
        Assert.Throws<ArgumentException>(() => Backend.Dense(new float[6], 2, 3, 2, new float[5], new float[2], false, new float[4]));

    [TestCase(1, 5)]
    [TestCase(64, 3)]
    [TestCase(2, 1000)]
    public void Softmax_matches_reference(int batch, int classes)
    {
        var input = TestImages.RandomFloats(batch * classes, 8, 10f);
        var output = new float[batch * classes];
        Backend.Softmax(input, batch, classes, output);
        Assert.That(TestImages.MaxAbsDiff(output, ReferenceKernels.Softmax(input, batch, classes)), Is.LessThanOrEqualTo(KernelTolerances.Softmax));
    }

    [Test]
    public void Softmax_is_stable_for_extreme_logits()
    {
        float[] input = [1000f, -1000f, 999f, 88f, 89f, -3.4e38f];
        var output = new float[6];
        Backend.Softmax(input, 2, 3, output);
        Assert.That(output, Has.All.Matches<float>(float.IsFinite));
        Assert.That(output[0] + output[1] + output[2], Is.EqualTo(1f).Within(1e-6));
        Assert.That(output[0], Is.EqualTo(1f / (1f + MathF.Exp(-1f))).Within(1e-6));
        Assert.That(output[5], Is.EqualTo(0f));
    }

    [Test]
    public void Committed_golden_images_give_the_committed_outputs()
    {
        var golden = GoldenSet.Load();
        var images = golden.Decode();
        var preprocess = new float[golden.Preprocess.Length];
        Backend.Preprocess(images, GoldenSet.PreprocessSpec, preprocess);
        Assert.That(TestImages.MaxAbsDiff(preprocess, golden.Preprocess), Is.LessThanOrEqualTo(KernelTolerances.Preprocess));
        var features = new float[golden.Features.Length];
        Backend.ExtractSpatialFeatures(images, GoldenSet.FeatureSpec, features);
        Assert.That(TestImages.MaxAbsDiff(features, golden.Features), Is.LessThanOrEqualTo(KernelTolerances.SpatialFeatures));
    }
}
