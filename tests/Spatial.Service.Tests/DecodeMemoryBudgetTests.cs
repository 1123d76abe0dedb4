using System.Globalization;
using System.Net;
using Spatial.Service.Problems;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>
/// The memory-amplification attack on the batch endpoint: tiny PNGs that declare 4096x4096 pixels each, sent in
/// parallel to the executable serving the shipped model under a 768 MiB GC heap limit. Ordinary requests must keep
/// succeeding, attack requests must be refused with 4xx/503 (never 500), and the process's peak RSS must stay bounded.
/// </summary>
[Category("Memory")]
[NonParallelizable]
public sealed class DecodeMemoryBudgetTests
{
    private const string HeapLimit = "0x30000000"; // 768 MiB
    private const long PeakRssBoundBytes = 1536L << 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    // The contract, written out: what the API documents for a request over its pixel limit.
    private static readonly ProblemType RequestPixelsTooLarge = new("request-pixels-too-large", 422, "The images together exceed the request's pixel limit");

    private static long PeakRss(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static MultipartFormDataContent Batch(byte[] png, int count) =>
        Requests.Multipart([.. Enumerable.Range(0, count).Select(i => ($"big-{i}.png", png, "image/png"))]);

    [Test]
    public async Task Batches_of_huge_declared_images_are_refused_or_queued_and_ordinary_requests_still_succeed()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("peak RSS is read from /proc");
        var port = ServiceProcess.FreePort();
        await using var service = ServiceProcess.Start(AppContext.BaseDirectory,
            new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = HeapLimit, ["DOTNET_RUNNING_IN_CONTAINER"] = null, ["ASPNETCORE_URLS"] = null },
            $"--Spatial:Model:Path={ShippedModel.PackageDirectory}", "--Spatial:Model:Accelerator=Cpu", "--Spatial:Model:WarmupIterations=1",
            "--Spatial:Server:Address=127.0.0.1", $"--Spatial:Server:Port={port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout };
        await WaitUntilReadyAsync(client, service);
        var baseline = PeakRss(service.Id);

        var huge = TestImages.SolidPng(200, 120, 40, 4096, 4096);
        var ordinary = TestImages.SolidPng(200, 120, 40, 256, 256);
        // Three requests of 32 such images at once: 1.6 G pixels declared, 11 GB if all were decoded.
        var oversized = Enumerable.Range(0, 3).Select(_ => client.PostAsync(Requests.ClassifyBatch, Batch(huge, 32))).ToList();
        // Four requests at the per-request pixel limit at once: twice what may be decoded concurrently.
        var atLimit = Enumerable.Range(0, 4).Select(_ => client.PostAsync(Requests.ClassifyBatch, Batch(huge, 2))).ToList();
        var ordinaryStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync(Requests.Classify, Requests.Body(ordinary, "image/png"));
            ordinaryStatuses.Add(response.StatusCode);
        }
        var oversizedResponses = await Task.WhenAll(oversized);
        var atLimitResponses = await Task.WhenAll(atLimit);
        var peak = PeakRss(service.Id);
        await TestContext.Out.WriteLineAsync(
            $"peak RSS {baseline / 1048576.0:F0} MiB after warm-up, {peak / 1048576.0:F0} MiB after the attack; " +
            $"oversized: {string.Join(", ", oversizedResponses.Select(r => (int)r.StatusCode))}; at the limit: {string.Join(", ", atLimitResponses.Select(r => (int)r.StatusCode))}");

        Assert.Multiple(() =>
        {
            Assert.That(ordinaryStatuses, Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(oversizedResponses.Select(r => (int)r.StatusCode), Has.All.EqualTo(422));
            Assert.That(atLimitResponses.Select(r => (int)r.StatusCode), Has.All.AnyOf(200, 503));
            Assert.That(atLimitResponses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).Select(r => r.Headers.RetryAfter?.Delta), Has.All.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(peak, Is.LessThan(PeakRssBoundBytes), "peak RSS");
            Assert.That(service.HasExited, Is.False);
        });
        foreach (var response in oversizedResponses)
            await Requests.AssertProblemAsync(response, RequestPixelsTooLarge);
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline && !service.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail($"the service did not become ready: {service.Output}{service.Error}");
    }
}
