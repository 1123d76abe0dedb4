using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Spatial.Kernels;
using Spatial.Kernels.Imaging;
using Spatial.LoadTesting.Engine;
using Spatial.LoadTesting.Scenarios;
using Spatial.Models;
using Spatial.Models.Data;
using Spatial.Service.Hosting;
using Spatial.Service.Inference;
using Spatial.Service.Metrics;
using Spatial.Service.Model;
using Spatial.Service.Options;

namespace Spatial.LoadTesting.Benchmarks;

/// <summary>
/// Classifications per second through the service over loopback HTTP (our engine, closed model) against the same
/// work in-process (decode + batcher + forward pass, same concurrency), in-process measured before and after.
/// </summary>
internal static class ClassifyComparison
{
    public static async Task RunAsync(int concurrency, TimeSpan duration, string? modelPath)
    {
        var directory = ModelLocation.Resolve(new ModelOptions { Path = modelPath });
        var images = new PizzaImageGenerator(ModelEvaluator.ValidationSeed).GenerateRange(0, 64).Select(s => PngWriter.Encode(s.Image)).ToArray();
        using var classifier = DualEncoderImageClassifier.Load(directory, AcceleratorChoice.Auto);
        var batching = new BatchingOptions();
        Console.WriteLine($"classify: model {directory}, accelerator {classifier.Description.Accelerator.Kind}, batching {(batching.IsEnabledFor(classifier.Description.Accelerator.Kind) ? "on" : "off")}");

        var before = await InProcessAsync(classifier, batching, images, concurrency, duration);
        var http = await OverHttpAsync(classifier, directory, images, concurrency, duration);
        var after = await InProcessAsync(classifier, batching, images, concurrency, duration);
        var baseline = Math.Max(before, after);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-process (first)     {before,10:F1} cls/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"over HTTP (our engine) {http.Throughput,10:F1} cls/s   p50 {http.Latency.P50:F2} ms   p99 {http.Latency.P99:F2} ms   {http.Failed} errors"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-process (last)      {after,10:F1} cls/s"));
        Console.WriteLine($"HTTP / in-process throughput: {http.Throughput / baseline:P1} (goal >= 80%; baseline: the better in-process run)");
    }

    private static async Task<double> InProcessAsync(IImageClassifier classifier, BatchingOptions options, byte[][] images, int concurrency, TimeSpan duration)
    {
        var limits = new ImageLimits();
        var batcher = new InferenceBatcher(new BorrowedClassifier(classifier), Microsoft.Extensions.Options.Options.Create(options), new InferenceMetrics(classifier), NullLogger<InferenceBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        long calls = 0;
        async Task Loop(TimeSpan length, bool count)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; clock.Elapsed < length; i += concurrency)
                {
                    await batcher.ClassifyAsync(ImageDecoder.Decode(images[i % images.Length], limits));
                    if (count)
                        Interlocked.Increment(ref calls);
                }
            })));
        }
        await Loop(TimeSpan.FromSeconds(2), count: false);
        var measured = Stopwatch.StartNew();
        await Loop(duration, count: true);
        await batcher.StopAsync(CancellationToken.None);
        return calls / measured.Elapsed.TotalSeconds;
    }

    private static async Task<LoadResult> OverHttpAsync(IImageClassifier classifier, string directory, byte[][] images, int concurrency, TimeSpan duration)
    {
        var builder = WebApplication.CreateBuilder([
            "--Spatial:Server:Address=127.0.0.1", "--Spatial:Server:Port=0", $"--Spatial:Model:Path={directory}",
            "--Logging:LogLevel:Default=Warning"]);
        builder.AddSpatialService();
        // The same loaded model as the in-process phases, so only HTTP differs.
        builder.Services.AddSingleton<IImageClassifier>(new BorrowedClassifier(classifier));
        var app = StartupVerification.BuildVerified(builder, Console.Error) ?? throw new InvalidOperationException("the service did not start");
        app.MapSpatialService();
        await app.StartAsync();
        var address = new Uri(app.Urls.First() + "/");
        using (var probe = new HttpClient())
            for (var i = 0; i < 200 && (await probe.GetAsync(new Uri(address, "health/ready"))).StatusCode != HttpStatusCode.OK; i++)
                await Task.Delay(50);

        var scenario = ClassifyScenarios.Classify(address, images.Select(png => new Payload(png, "image/png")).ToList());
        var result = await LoadEngine.RunAsync(scenario, new ClosedModel(concurrency, duration), new LoadRunOptions(Warmup: TimeSpan.FromSeconds(2), MaxRequests: long.MaxValue));
        await app.StopAsync();
        await app.DisposeAsync();
        return result;
    }

    /// <summary>Lends the benchmark's classifier to a batcher or host without letting either dispose it.</summary>
    private sealed class BorrowedClassifier(IImageClassifier inner) : IImageClassifier
    {
        public ClassifierDescription Description => inner.Description;

        public PredictionBatch Classify(IReadOnlyList<RgbImage> images) => inner.Classify(images);

        public void Dispose()
        {
            // The benchmark owns the classifier.
        }
    }
}
