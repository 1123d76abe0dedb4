// Classifications per second in-process (decode + micro-batcher + forward pass) versus the same work over HTTP on
// loopback at the same concurrency, in one run, with the overhead ratio; plus batching on versus off in-process.
//   dotnet run -c Release --project benchmarks/Spatial.Service.Benchmarks -- [--concurrency 16] [--seconds 10] [--model DIR]
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Spatial.Kernels;
using Spatial.Kernels.Imaging;
using Spatial.Models;
using Spatial.Models.Data;
using Spatial.Service.Benchmarks;
using Spatial.Service.Hosting;
using Spatial.Service.Inference;
using Spatial.Service.Metrics;
using Spatial.Service.Model;
using Spatial.Service.Options;
using SkiaSharp;

var concurrency = IntArg("--concurrency", 16);
var duration = TimeSpan.FromSeconds(IntArg("--seconds", 10));
var modelPath = StringArg("--model");
var accelerator = Enum.Parse<AcceleratorChoice>(StringArg("--accelerator") ?? "Auto", ignoreCase: true);

// Enough pool threads from the start: otherwise the pool's slow ramp-up favours whichever phase runs later.
ThreadPool.SetMinThreads(concurrency * 2, concurrency * 2);
var directory = ModelLocation.Resolve(new ModelOptions { Path = modelPath });
var images = new PizzaImageGenerator(ModelEvaluator.ValidationSeed).GenerateRange(0, 64).Select(sample => EncodePng(sample.Image)).ToArray();
var limits = new ImageLimits();
Console.WriteLine($"model {directory}; {images.Length} validation PNGs; concurrency {concurrency}; {duration.TotalSeconds:F0} s per phase; {Environment.ProcessorCount} cores");

var batching = new BatchingOptions();
using var classifier = DualEncoderImageClassifier.Load(directory, accelerator);
var kind = classifier.Description.Accelerator.Kind;
Console.WriteLine($"accelerator {kind} ({classifier.Description.Accelerator.Name}); service default batching: {(batching.IsEnabledFor(kind) ? "on" : "off")}");
var on = await InProcessAsync(new BatchingOptions { Enabled = true }, $"in-process, batching {batching.MaxBatchSize}/{batching.MaxWaitMilliseconds} ms");
var off = await InProcessAsync(new BatchingOptions { Enabled = false }, "in-process, batching off");
var http = await OverHttpAsync();
// The service default measured again after the HTTP phase, so phase order cannot flatter the ratio.
var again = await InProcessAsync(batching, "in-process, service default (repeat)");
var baseline = Math.Max(again.PerSecond, batching.IsEnabledFor(kind) ? on.PerSecond : off.PerSecond);

Console.WriteLine();
Console.WriteLine(off);
Console.WriteLine(on);
Console.WriteLine(again);
Console.WriteLine(http);
Console.WriteLine($"batching gain in-process (on / off):      {on.PerSecond / off.PerSecond:F2}x");
Console.WriteLine($"HTTP throughput / in-process throughput: {http.PerSecond / baseline:P1} (goal >= 80%; baseline: the better in-process run of the service default)");
return 0;

async Task<LoadResult> InProcessAsync(BatchingOptions options, string name)
{
    var batcher = new InferenceBatcher(classifier, Microsoft.Extensions.Options.Options.Create(options), new InferenceMetrics(classifier), NullLogger<InferenceBatcher>.Instance);
    await batcher.StartAsync(CancellationToken.None);
    // Same per-request work as the API minus HTTP: decode the PNG, then classify through the batcher.
    async Task Call(int i) => await batcher.ClassifyAsync(ImageDecoder.Decode(images[i % images.Length], limits));
    await LoadRun.RunAsync("warm-up", concurrency, TimeSpan.FromSeconds(2), Call);
    var result = await LoadRun.RunAsync(name, concurrency, duration, Call);
    await batcher.StopAsync(CancellationToken.None);
    return result;
}

async Task<LoadResult> OverHttpAsync()
{
    var builder = WebApplication.CreateBuilder([
        "--Spatial:Server:Address=127.0.0.1", "--Spatial:Server:Port=0", $"--Spatial:Model:Path={directory}",
        $"--Spatial:Model:Accelerator={accelerator}", "--Logging:LogLevel:Default=Warning", "--Logging:Console:FormatterName=simple"]);
    builder.AddSpatialService();
    // The same loaded model as the in-process phases, so only HTTP differs.
    builder.Services.AddSingleton<IImageClassifier>(new SharedClassifier(classifier));
    var app = StartupVerification.BuildVerified(builder, Console.Error) ?? throw new InvalidOperationException("the service did not start");
    app.MapSpatialService();
    await app.StartAsync();
    var address = app.Urls.First();
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
    while ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        await Task.Delay(50);

    var classify = new Uri("/v1/classify", UriKind.Relative);
    async Task Call(int i)
    {
        using var content = new ByteArrayContent(images[i % images.Length]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await client.PostAsync(classify, content);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }
    await LoadRun.RunAsync("warm-up", concurrency, TimeSpan.FromSeconds(1), Call);
    var result = await LoadRun.RunAsync("over HTTP (loopback)", concurrency, duration, Call);
    await app.StopAsync();
    await app.DisposeAsync();
    return result;
}

static byte[] EncodePng(RgbImage image)
{
    using var bitmap = new SKBitmap(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
    var pixels = image.Pixels.Span;
    for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
        {
            var o = (y * image.Width + x) * 3;
            bitmap.SetPixel(x, y, new SKColor(pixels[o], pixels[o + 1], pixels[o + 2]));
        }
    using var encoded = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
    return encoded.ToArray();
}

int IntArg(string name, int fallback) => StringArg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? StringArg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
