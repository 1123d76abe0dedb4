using Spatial.Kernels;
using Spatial.Kernels.Benchmarks;
using Spatial.Kernels.Ilgpu;
using Spatial.Kernels.Tests.Reference;

// Kernel benchmark: one run, one machine, every backend against the same baselines. Prints one
// machine-parsable line per measurement. Usage: [--seconds N] (measure time per backend, default 3).
var seconds = args.Length == 2 && args[0] == "--seconds" ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3.0;
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
double opencv;
try
{
    opencv = Throughput.ImagesPerSecond(Batch, 1, seconds, () => OpenCvPreprocess.Run(images, spec, opencvOutput));
    Console.WriteLine($"preprocess backend=opencv images_per_s={opencv:F0} ratio_vs_opencv=1.000 max_abs_diff_vs_reference={Throughput.MaxAbsDiff(opencvOutput, reference):E2}");
}
catch (Exception e) when (e is TypeInitializationException or DllNotFoundException)
{
    // OpenCV's native library needs libgtk-3-0; without it the other figures are still worth printing.
    opencv = double.NaN;
    Console.WriteLine($"preprocess backend=opencv unavailable=\"{(e.InnerException ?? e).Message.Split('\n')[0]}\" hint=\"apt-get install -y --no-install-recommends libgtk-3-0\"");
}
var referenceRate = Throughput.ImagesPerSecond(Batch, 0, 1, () => ReferenceKernels.Preprocess(images, spec));
Console.WriteLine($"preprocess backend=reference images_per_s={referenceRate:F1} ratio_vs_opencv={referenceRate / opencv:F3} max_abs_diff_vs_reference=0");
var outputs = new Dictionary<string, float[]>();
foreach (var (name, backend) in backends)
{
    var output = new float[Batch * outputFloats];
    var rate = Throughput.ImagesPerSecond(Batch, 2, seconds, () => backend.Preprocess(images, spec, output));
    outputs[name] = output;
    Console.WriteLine($"preprocess backend={name} images_per_s={rate:F0} ratio_vs_opencv={rate / opencv:F3} max_abs_diff_vs_reference={Throughput.MaxAbsDiff(output, reference):E2}");
}
foreach (var name in outputs.Keys.Where(n => n != "cpu"))
    Console.WriteLine($"parity preprocess backend={name} max_abs_diff_vs_cpu={Throughput.MaxAbsDiff(outputs[name], outputs["cpu"]):E2}");
Console.WriteLine($"preprocess bandwidth_ceiling images_per_s={ceiling:F0} read_gb_per_s={bandwidth.ReadBytesPerSecond / 1e9:F1} write_gb_per_s={bandwidth.WriteBytesPerSecond / 1e9:F1} ratio_vs_opencv={ceiling / opencv:F3}");

// Spatial features (no OpenCV equivalent: ratios are against the plain reference).
var featureFloats = featureSpec.GridSize * featureSpec.GridSize * featureSpec.FeatureCount;
var featureReference = new float[Batch * featureFloats];
var featureReferenceRate = Throughput.ImagesPerSecond(Batch, 0, 1, () =>
    Parallel.For(0, Batch, i => ReferenceKernels.SpatialFeatures([images[i]], featureSpec).CopyTo(featureReference, i * featureFloats)));
Console.WriteLine($"features backend=reference images_per_s={featureReferenceRate:F1} ratio_vs_reference=1.000 max_abs_diff_vs_reference=0");
var featureOutputs = new Dictionary<string, float[]>();
foreach (var (name, backend) in backends)
{
    var output = new float[Batch * featureFloats];
    var rate = Throughput.ImagesPerSecond(Batch, 1, seconds, () => backend.ExtractSpatialFeatures(images, featureSpec, output));
    featureOutputs[name] = output;
    Console.WriteLine($"features backend={name} images_per_s={rate:F0} ratio_vs_reference={rate / featureReferenceRate:F2} max_abs_diff_vs_reference={Throughput.MaxAbsDiff(output, featureReference):E2}");
}
foreach (var name in featureOutputs.Keys.Where(n => n != "cpu"))
    Console.WriteLine($"parity features backend={name} max_abs_diff_vs_cpu={Throughput.MaxAbsDiff(featureOutputs[name], featureOutputs["cpu"]):E2}");
var featureCeiling = BandwidthCeiling.ImagesPerSecond(images[0].Pixels.Length, featureFloats * sizeof(float), bandwidth);
Console.WriteLine($"features bandwidth_ceiling images_per_s={featureCeiling:F0}");
foreach (var (_, backend) in backends)
    backend.Dispose();
return 0;
