using System.Net;
using System.Text.Json;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>The success contract of /v1/classify and /v1/classify/batch on the in-memory host.</summary>
public sealed class ClassifyApiTests
{
    private ServiceFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new ServiceFactory();
        _client = _factory.CreateClient();
        await _factory.WaitUntilReadyAsync(_client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase("image/png", 200, 10, 10, "red")]
    [TestCase("image/png", 10, 200, 10, "green")]
    [TestCase("image/jpeg", 10, 10, 200, "blue")]
    [TestCase("image/jpg", 200, 10, 10, "red")]
    public async Task A_raw_image_body_is_classified_with_model_and_timings(string contentType, int r, int g, int b, string expected)
    {
        var bytes = contentType == "image/png" ? TestImages.SolidPng((byte)r, (byte)g, (byte)b) : TestImages.SolidJpeg((byte)r, (byte)g, (byte)b);

        using var response = await _client.PostAsync(Requests.Classify, Requests.Body(bytes, contentType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await Requests.JsonAsync(response);
        var probabilities = json.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
        var timings = json.GetProperty("timings");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("label").GetString(), Is.EqualTo(expected));
            Assert.That(json.GetProperty("confidence").GetSingle(), Is.EqualTo(probabilities[expected]));
            Assert.That(probabilities.Keys, Is.EquivalentTo(FakeClassifier.Classes));
            Assert.That(probabilities.Values.Sum(), Is.EqualTo(1).Within(1e-4));
            Assert.That(json.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo("fake-colours"));
            Assert.That(json.GetProperty("model").GetProperty("version").GetString(), Is.EqualTo("9.8.7"));
            Assert.That(timings.GetProperty("decodeMs").GetDouble(), Is.GreaterThan(0));
            Assert.That(timings.GetProperty("preprocessMs").GetDouble(), Is.EqualTo(1).Within(1e-9));
            Assert.That(timings.GetProperty("encodeMs").GetDouble(), Is.EqualTo(2).Within(1e-9));
            Assert.That(timings.GetProperty("totalMs").GetDouble(), Is.GreaterThanOrEqualTo(timings.GetProperty("decodeMs").GetDouble()));
            Assert.That(timings.GetProperty("batchSize").GetInt32(), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task A_multipart_body_with_one_file_is_classified()
    {
        using var content = Requests.Multipart(("leaf.png", TestImages.SolidPng(0, 220, 0), "image/png"));

        using var response = await _client.PostAsync(Requests.Classify, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await Requests.JsonAsync(response)).GetProperty("label").GetString(), Is.EqualTo("green"));
    }

    [Test]
    public async Task A_batch_request_returns_one_result_per_part_in_order()
    {
        using var content = Requests.Multipart(
            ("a.png", TestImages.SolidPng(250, 0, 0), "image/png"),
            ("b.jpg", TestImages.SolidJpeg(0, 0, 250), "image/jpeg"),
            ("c.png", TestImages.SolidPng(0, 250, 0), "image/png"),
            ("d.png", TestImages.NoisePng(4), "image/png"));

        using var response = await _client.PostAsync(Requests.ClassifyBatch, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await Requests.JsonAsync(response);
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "a.png", "b.jpg", "c.png", "d.png" }));
        Assert.That(results.Take(3).Select(r => r.GetProperty("label").GetString()), Is.EqualTo(new[] { "red", "blue", "green" }));
        Assert.That(json.GetProperty("model").GetProperty("version").GetString(), Is.EqualTo("9.8.7"));
    }

    [Test]
    public async Task The_model_endpoint_describes_model_accelerator_batching_and_state()
    {
        using var response = await _client.GetAsync(new Uri("/v1/model", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await Requests.JsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("fake-colours"));
            Assert.That(json.GetProperty("version").GetString(), Is.EqualTo("9.8.7"));
            Assert.That(json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(FakeClassifier.Classes));
            Assert.That(json.GetProperty("accelerator").GetProperty("kind").GetString(), Is.EqualTo("Cpu"));
            Assert.That(json.GetProperty("accelerator").GetProperty("name").GetString(), Is.EqualTo("test CPU"));
            // The default follows the accelerator: a CPU backend runs every image alone.
            Assert.That(json.GetProperty("batching").GetProperty("enabled").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("batching").GetProperty("maxBatchSize").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("Ready"));
        });
    }

    [Test]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = (await Requests.JsonAsync(response)).GetProperty("paths");
        Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "/v1/classify", "/v1/classify/batch", "/v1/model" }));
        var classify = paths.GetProperty("/v1/classify").GetProperty("post");
        Assert.That(classify.GetProperty("operationId").GetString(), Is.EqualTo("ClassifyImage"));
        Assert.That(classify.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name),
            Is.SupersetOf(new[] { "image/png", "image/jpeg", "multipart/form-data" }));
    }

    [Test]
    public async Task An_unknown_route_is_a_problem_response()
    {
        using var response = await _client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var _ = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
