using System.Net;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>Liveness, readiness across warm-up and shutdown, and the Prometheus exposition.</summary>
public sealed class HealthAndMetricsTests
{
    [Test]
    public async Task Ready_flips_to_200_only_after_warm_up_while_live_is_200_throughout()
    {
        var classifier = new FakeClassifier();
        classifier.Gate.Reset();
        await using var factory = new ServiceFactory(classifier);
        using var client = factory.CreateClient();

        using var liveDuringWarmup = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var readyDuringWarmup = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        classifier.Gate.Set();
        await factory.WaitUntilReadyAsync(client);

        Assert.That(liveDuringWarmup.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(readyDuringWarmup.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await readyDuringWarmup.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
        Assert.That(classifier.BatchSizes, Is.Not.Empty, "warm-up ran forward passes");
    }

    [Test]
    public async Task Metrics_expose_requests_by_route_and_status_batch_sizes_model_labels_and_process()
    {
        await using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        using (await client.PostAsync(Requests.Classify, Requests.Body(TestImages.SolidPng(200, 0, 0), "image/png"))) { }
        using (await client.PostAsync(Requests.Classify, Requests.Body("not an image"u8.ToArray(), "image/png"))) { }

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        var lines = text.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Match(
                "^http_request_duration_seconds_bucket\\{(?=.*code=\"200\")(?=.*method=\"POST\")(?=.*endpoint=\"/v1/classify\")(?=.*model_version=\"9.8.7\")(?=.*accelerator=\"Cpu\")"));
            Assert.That(lines, Has.Some.Match("^http_requests_received_total\\{(?=.*code=\"400\")(?=.*endpoint=\"/v1/classify\")"));
            Assert.That(lines, Has.Some.Match("^spatial_inference_batch_size_count\\{model=\"fake-colours\",version=\"9.8.7\",accelerator=\"Cpu\"\\} [1-9]"));
            Assert.That(lines, Has.Some.Match("^spatial_model_info\\{model=\"fake-colours\",version=\"9.8.7\",accelerator=\"Cpu\"\\} 1"));
            Assert.That(lines, Has.Some.Match("^spatial_request_rejections_total\\{type=\"not-an-image\"\\} [1-9]"));
            Assert.That(lines, Has.Some.Match("^process_cpu_seconds_total "));
            Assert.That(lines, Has.Some.Match("^process_working_set_bytes "));
            // The framework's own meters (Kestrel, HttpClient, sockets) are not mirrored: they cost every request.
            Assert.That(lines, Has.None.Match("^(kestrel|microsoft_aspnetcore|system_net|system_runtime|private_internaldiagnostics)_"));
        });
    }
}
