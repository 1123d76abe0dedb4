using Spatial.Kernels;
using Spatial.Kernels.Benchmarks;
using Spatial.Kernels.Ilgpu;
using Spatial.Kernels.Tests.Reference;

// Kernel benchmark: one run, one machine, every backend against the same baselines. Prints one
// machine-parsable line per measurement. Usage: [--seconds N] (measure time per backend, default 3)
// [--preprocess-only] (skip the spatial features, for quicker preprocessing comparisons).
var secondsAt = Array.IndexOf(args, "--seconds");
var seconds = secondsAt >= 0 && secondsAt + 1 < args.Length ? double.Parse(args[secondsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 3.0;
var preprocessOnly = args.Contains("--preprocess-only");
const int Batch = 32, SourceWidth = 1024, SourceHeight = 768;
var images = Enumerable.Range(0, Batch).Select(i => SyntheticImage.Create(SourceWidth, SourceHeight, i)).ToArray();
var spec = new PreprocessSpec { Width = 224, Height = 224, CenterCrop = true };
var featureSpec = new SpatialFeatureSpec { GridSize = 8 };
var outputFloats = 3 * spec.Width * spec.Height;
Console.WriteLine($"machine cores={Environment.ProcessorCount} simd_bits={System.Numerics.Vector<byte>.Count * 8} batch={Batch} source={SourceWidth}x{SourceHeight} target={spec.Width}x{spec.Height} crop={spec.CenterCrop}");
foreach (var device in AcceleratorCatalog.Describe())
    Console.WriteLine($"device kind={device.Kind} name=\"{device.Name}\" memory_bytes={device.MemoryBytes} compute_capability={device.ComputeCapability ?? "none"} warp={device.WarpSize} processors={device.ProcessorCount}");

var backends = new List<(string Name, IKernelBackend Backend)> { ("cpu", KernelBackends.Create(AcceleratorChoice.Cpu)), ("ilgpu-cpu", KernelBackends.Create(AcceleratorChoice.IlgpuCpu)) };
if (AcceleratorCatalog.HasCuda)
    backends.Add(("cuda", KernelBackends.Create(AcceleratorChoice.Cuda)));
foreach (var (name, backend) in backends)
{
    var warmUp = KernelWarmUp.Run(backend);
    Console.WriteLine($"warmup backend={name} kernel_load_ms={warmUp.KernelLoad.TotalMilliseconds:F1} first_call_ms={warmUp.FirstCall.TotalMilliseconds:F1} second_call_ms={warmUp.SecondCall.TotalMilliseconds:F2}");
}

// Preprocessing.
var reference = ReferenceKernels.Preprocess(images, spec);
var bandwidth = BandwidthCeiling.Measure(images, outputFloats);
var ceiling = BandwidthCeiling.ImagesPerSecond(images[0].Pixels.Length, outputFloats * sizeof(float), bandwidth);
var opencvOutput = new float[Batch * outputFloats];
// OpenCV's native library needs libgtk-3-0; without it the other figures are still worth printing.
var opencvProblem = OpenCvPreprocess.Unavailable();
if (opencvProblem is null)
{
    try
    {
        OpenCvPreprocess.Run(images, spec, opencvOutput);
    }
    catch (Exception e) when (OpenCvPreprocess.MissingNativeLibrary(e) is { } missing)
    {
        opencvProblem = missing.Message.Split('\n')[0];
    }
}
var opencvAvailable = opencvProblem is null;
if (!opencvAvailable)
    Console.WriteLine($"preprocess backend=opencv unavailable=\"{opencvProblem}\" hint=\"apt-get install -y --no-install-recommends libgtk-3-0 (OpenCV's native library links it)\"");
var referenceRate = Throughput.ImagesPerSecond(Batch, 0, 1, () => ReferenceKernels.Preprocess(images, spec));
// OpenCV and every backend in alternating slices: the ratios hold even while other processes load the machine.
var outputs = backends.ToDictionary(b => b.Name, _ => new float[Batch * outputFloats]);
var race = new InterleavedMeasurement(Batch, 2, seconds * backends.Count);
if (opencvAvailable)
    race.Add("opencv", () => OpenCvPreprocess.Run(images, spec, opencvOutput));
foreach (var (name, backend) in backends)
    race.Add(name, () => backend.Preprocess(images, spec, outputs[name]));
var rates = race.Run();
var baseline = opencvAvailable ? rates["opencv"] : null;
string VsOpenCv(double[] rounds)
{
    if (baseline is null)
        return "ratio_vs_opencv=NaN";
    var (median, min, max) = InterleavedMeasurement.Ratio(rounds, baseline);
    return $"ratio_vs_opencv={median:F3} ratio_range={min:F3}..{max:F3}";
}
var opencv = baseline is null ? double.NaN : InterleavedMeasurement.Rate(baseline);
if (baseline is not null)
    Console.WriteLine($"preprocess backend=opencv images_per_s={opencv:F0} ratio_vs_opencv=1.000 max_abs_diff_vs_reference={Throughput.MaxAbsDiff(opencvOutput, reference):E2}");
Console.WriteLine($"preprocess backend=reference images_per_s={referenceRate:F1} ratio_vs_opencv={referenceRate / opencv:F3} max_abs_diff_vs_reference=0");
foreach (var (name, _) in backends)
    Console.WriteLine($"preprocess backend={name} images_per_s={InterleavedMeasurement.Rate(rates[name]):F0} {VsOpenCv(rates[name])} max_abs_diff_vs_reference={Throughput.MaxAbsDiff(outputs[name], reference):E2}");
foreach (var name in outputs.Keys.Where(n => n != "cpu"))
    Console.WriteLine($"parity preprocess backend={name} max_abs_diff_vs_cpu={Throughput.MaxAbsDiff(outputs[name], outputs["cpu"]):E2}");
Console.WriteLine($"preprocess bandwidth_ceiling images_per_s={ceiling:F0} read_gb_per_s={bandwidth.ReadBytesPerSecond / 1e9:F1} write_gb_per_s={bandwidth.WriteBytesPerSecond / 1e9:F1} ratio_vs_opencv={ceiling / opencv:F3}");

if (preprocessOnly)
{
    foreach (var (_, backend) in backends)
        backend.Dispose();
    return 0;
}

// Spatial features (no OpenCV equivalent: ratios are against the plain reference).
var featureFloats = featureSpec.GridSize * featureSpec.GridSize * featureSpec.FeatureCount;
var featureReference = new float[Batch * featureFloats];
Parallel.For(0, Batch, i => ReferenceKernels.SpatialFeatures([images[i]], featureSpec).CopyTo(featureReference, i * featureFloats));
// The plain reference is slow: its rate is taken on the first few images so a slice is not seconds long.
const int ReferenceFeatureImages = 4;
var featureOutputs = backends.ToDictionary(b => b.Name, _ => new float[Batch * featureFloats]);
var featureRace = new InterleavedMeasurement(Batch, 1, seconds * backends.Count);
foreach (var (name, backend) in backends)
    featureRace.Add(name, () => backend.ExtractSpatialFeatures(images, featureSpec, featureOutputs[name]));
var referenceImages = images.Take(ReferenceFeatureImages).ToArray();
featureRace.Add("reference", () =>
    Parallel.For(0, referenceImages.Length, i => ReferenceKernels.SpatialFeatures([referenceImages[i]], featureSpec)));
var featureRates = featureRace.Run();
// The reference slices run a smaller batch: rescale its per-round rates.
var referenceRounds = featureRates["reference"].Select(r => r * ReferenceFeatureImages / Batch).ToArray();
Console.WriteLine($"features backend=reference images_per_s={InterleavedMeasurement.Rate(referenceRounds):F1} ratio_vs_reference=1.000 max_abs_diff_vs_reference=0");
foreach (var (name, _) in backends)
{
    var (median, min, max) = InterleavedMeasurement.Ratio(featureRates[name], referenceRounds);
    Console.WriteLine($"features backend={name} images_per_s={InterleavedMeasurement.Rate(featureRates[name]):F1} ratio_vs_reference={median:F2} ratio_range={min:F2}..{max:F2} max_abs_diff_vs_reference={Throughput.MaxAbsDiff(featureOutputs[name], featureReference):E2}");
}
foreach (var name in featureOutputs.Keys.Where(n => n != "cpu"))
    Console.WriteLine($"parity features backend={name} max_abs_diff_vs_cpu={Throughput.MaxAbsDiff(featureOutputs[name], featureOutputs["cpu"]):E2}");
var featureCeiling = BandwidthCeiling.ImagesPerSecond(images[0].Pixels.Length, featureFloats * sizeof(float), bandwidth);
Console.WriteLine($"features bandwidth_ceiling images_per_s={featureCeiling:F0}");
foreach (var (_, backend) in backends)
    backend.Dispose();
return 0;
