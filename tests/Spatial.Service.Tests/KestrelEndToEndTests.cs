using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spatial.Service.Model;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>The service on a real Kestrel port on 127.0.0.1: classification, a flood of malformed input, graceful drain.</summary>
public sealed class KestrelEndToEndTests
{
    private const int MaxRequestBytes = 256 * 1024;
    private const int BadBodies = 5000;

    private static ServiceFactory StartOnKestrel(FakeClassifier classifier)
    {
        var factory = new ServiceFactory(classifier, new Dictionary<string, string?>
        {
            ["Spatial:Limits:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Spatial:Limits:MaxImageWidth"] = "4096",
            ["Spatial:Limits:MaxImageHeight"] = "4096",
        });
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    [Test]
    public async Task A_png_is_classified_over_a_real_loopback_port()
    {
        await using var factory = StartOnKestrel(new FakeClassifier());
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);

        using var response = await client.PostAsync(Requests.Classify, Requests.Body(TestImages.SolidPng(0, 0, 240), "image/png"));

        Assert.That(client.BaseAddress!.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Requests.JsonAsync(response)).GetProperty("label").GetString(), Is.EqualTo("blue"));
    }

    [Test]
    public async Task Thousands_of_malformed_bodies_get_4xx_only_and_leave_the_process_live_with_bounded_memory()
    {
        await using var factory = StartOnKestrel(new FakeClassifier());
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        var bodies = MalformedBodies(seed: 20240611).Take(BadBodies).ToList();

        // Warm the paths once so JIT and pools are not counted as growth.
        await SendAllAsync(client, bodies.Take(200).ToList(), new Dictionary<int, int>());
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        var statuses = new Dictionary<int, int>();
        var stopwatch = Stopwatch.StartNew();
        await SendAllAsync(client, bodies, statuses);
        stopwatch.Stop();
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var good = await client.PostAsync(Requests.Classify, Requests.Body(TestImages.SolidPng(240, 0, 0), "image/png"));
        var growthMiB = (managedAfter - managedBefore) / (1024.0 * 1024.0);
        await TestContext.Out.WriteLineAsync(
            $"malformed-input flood: {statuses.Values.Sum()} bad bodies in {stopwatch.Elapsed.TotalSeconds:F1} s; statuses " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}")) +
            $"; managed heap {managedBefore / 1048576.0:F1} -> {managedAfter / 1048576.0:F1} MiB");

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Values.Sum(), Is.EqualTo(BadBodies));
            Assert.That(statuses.Keys, Has.All.InRange(400, 499), "every malformed body must be refused with a 4xx");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the service still classifies after the flood");
            Assert.That(growthMiB, Is.LessThan(32), "managed memory kept growing across the flood");
        });
    }

    [Test]
    public async Task Stopping_drains_an_in_flight_request_and_turns_readiness_off()
    {
        var classifier = new FakeClassifier();
        await using var factory = StartOnKestrel(classifier);
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        classifier.Gate.Reset();

        var inFlight = client.PostAsync(Requests.Classify, Requests.Body(TestImages.SolidPng(0, 240, 0), "image/png"));
        await Task.Delay(300);
        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await Task.Delay(300);
        var readiness = factory.Services.GetRequiredService<ModelReadiness>().State;
        var completedBeforeRelease = inFlight.IsCompleted;
        classifier.Gate.Set();
        using var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(readiness, Is.EqualTo(ModelState.Stopping));
        Assert.That(completedBeforeRelease, Is.False);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Requests.JsonAsync(response)).GetProperty("label").GetString(), Is.EqualTo("green"));
    }

    private static async Task SendAllAsync(HttpClient client, IReadOnlyList<BadBody> bodies, Dictionary<int, int> statuses)
    {
        using var gate = new SemaphoreSlim(8);
        var tasks = bodies.Select(async body =>
        {
            await gate.WaitAsync();
            try
            {
                using var content = new ByteArrayContent(body.Bytes);
                if (body.ContentType is not null)
                    content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
                using var request = new HttpRequestMessage(HttpMethod.Post, body.Batch ? Requests.ClassifyBatch : Requests.Classify) { Content = content };
                // A client that sends a large body asks first, so it reads the 413 instead of writing into a closed socket.
                request.Headers.ExpectContinue = body.Bytes.Length > MaxRequestBytes;
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status is < 400 or > 499)
                    await TestContext.Out.WriteLineAsync($"{body.Kind} got {status}: {await response.Content.ReadAsStringAsync()}");
                lock (statuses)
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    private sealed record BadBody(string Kind, byte[] Bytes, string? ContentType, bool Batch = false);

    /// <summary>An endless, seeded mix of broken inputs: every body here is invalid by construction.</summary>
    private static IEnumerable<BadBody> MalformedBodies(int seed)
    {
        var random = new Random(seed);
        var pngs = Enumerable.Range(0, 8).Select(i => TestImages.NoisePng(i, 24 + i, 16 + i)).ToArray();
        var jpegs = Enumerable.Range(0, 8).Select(i => TestImages.NoiseJpeg(i, 24 + i, 16 + i)).ToArray();
        string?[] wrongTypes = ["text/plain", "application/json", "application/octet-stream", "image/gif", "image/webp", null, "multipart/mixed; boundary=x"];
        while (true)
        {
            var png = pngs[random.Next(pngs.Length)];
            var jpeg = jpegs[random.Next(jpegs.Length)];
            switch (random.Next(10))
            {
                case 0:
                    // Cut into the pixel data: a PNG that lacks only its trailer still decodes completely.
                    yield return new BadBody("truncated png", png[..random.Next(1, png.Length - 40)], "image/png");
                    break;
                case 1:
                    yield return new BadBody("truncated jpeg", jpeg[..random.Next(1, jpeg.Length / 2)], "image/jpeg");
                    break;
                case 2:
                    var noise = new byte[random.Next(1, 4096)];
                    random.NextBytes(noise);
                    noise[0] = (byte)random.Next(0x00, 0x42); // never a PNG, JPEG, GIF or BMP signature byte
                    yield return new BadBody("random bytes", noise, random.Next(2) == 0 ? "image/png" : "image/jpeg");
                    break;
                case 3:
                    yield return new BadBody("huge declared png", TestImages.PngDeclaring(random.Next(4097, 1_000_000), random.Next(4097, 1_000_000)), "image/png");
                    break;
                case 4:
                    yield return new BadBody("huge declared jpeg", TestImages.JpegDeclaring(random.Next(4097, 65_535), random.Next(4097, 65_535)), "image/jpeg");
                    break;
                case 5:
                    yield return new BadBody("zero bytes", [], random.Next(2) == 0 ? "image/png" : null);
                    break;
                case 6:
                    yield return new BadBody("wrong content type", png, wrongTypes[random.Next(wrongTypes.Length)]);
                    break;
                case 7:
                    yield return new BadBody("oversized body", new byte[MaxRequestBytes + random.Next(1, 64 * 1024)], "image/jpeg");
                    break;
                case 8:
                    var boundary = $"b{random.Next()}";
                    var part = "--"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes($"{boundary}\r\nContent-Disposition: form-data; name=\"images\"; filename=\"x.png\"\r\n\r\n")).Concat(png).ToArray();
                    yield return new BadBody("unterminated multipart", part[..random.Next(1, part.Length)], $"multipart/form-data; boundary={boundary}", random.Next(2) == 0);
                    break;
                default:
                    yield return new BadBody("signature then garbage", [.. png[..8], .. RandomBytes(random, random.Next(0, 512))], "image/png");
                    break;
            }
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
