using System.Net.Http.Headers;
using System.Text;
using Spatial.Kernels.Imaging;
using Spatial.Service.Images;
using Spatial.Service.Problems;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>Every refusal is an RFC 9457 problem with its stable type, a request id and no internals.</summary>
public sealed class ProblemResponseTests
{
    private const int MaxRequestBytes = 64 * 1024;
    private ServiceFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new ServiceFactory(new Dictionary<string, string?>
        {
            ["Spatial:Limits:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Spatial:Limits:MaxImageWidth"] = "2000",
            ["Spatial:Limits:MaxImageHeight"] = "2000",
            ["Spatial:Limits:MaxBatchImages"] = "3",
        });
        _client = _factory.CreateClient();
        await _factory.WaitUntilReadyAsync(_client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> RawBodies()
    {
        var png = TestImages.NoisePng(1);
        var jpeg = TestImages.NoiseJpeg(2);
        yield return new TestCaseData(Array.Empty<byte>(), "image/png", ProblemTypes.EmptyBody).SetName("empty body");
        yield return new TestCaseData(png, "text/plain", ProblemTypes.UnsupportedContentType).SetName("text/plain content type");
        yield return new TestCaseData(png, "application/json", ProblemTypes.UnsupportedContentType).SetName("json content type");
        yield return new TestCaseData(png, null, ProblemTypes.UnsupportedContentType).SetName("no content type");
        yield return new TestCaseData(png, "image/gif", ProblemTypes.UnsupportedContentType).SetName("image/gif content type");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("hello, this is not an image"), "image/png", ProblemTypes.NotAnImage).SetName("text sent as png");
        yield return new TestCaseData(TestImages.Gif(), "image/png", ProblemTypes.UnsupportedImageFormat).SetName("gif bytes sent as png");
        yield return new TestCaseData(TestImages.Truncated(png, 0.5), "image/png", ProblemTypes.TruncatedImage).SetName("png cut in half");
        yield return new TestCaseData(TestImages.Truncated(png, 0.02), "image/png", ProblemTypes.TruncatedImage).SetName("png cut inside its header");
        yield return new TestCaseData(TestImages.Truncated(jpeg, 0.5), "image/jpeg", ProblemTypes.TruncatedImage).SetName("jpeg cut in half");
        yield return new TestCaseData(TestImages.PngDeclaring(100_000, 100_000), "image/png", ProblemTypes.ImageDimensionsTooLarge).SetName("png declaring 100000x100000");
        yield return new TestCaseData(TestImages.JpegDeclaring(60_000, 60_000), "image/jpeg", ProblemTypes.ImageDimensionsTooLarge).SetName("jpeg declaring 60000x60000");
        yield return new TestCaseData(new byte[MaxRequestBytes + 1], "image/png", ProblemTypes.BodyTooLarge).SetName("body over the size limit");
    }

    [TestCaseSource(nameof(RawBodies))]
    public async Task A_bad_raw_body_gets_its_problem_type(byte[] body, string? contentType, ProblemType expected)
    {
        using var response = await _client.PostAsync(Requests.Classify, Requests.Body(body, contentType));

        await Requests.AssertProblemAsync(response, expected);
    }

    [Test]
    public async Task A_multipart_body_without_a_file_part_is_no_image()
    {
        using var content = new MultipartFormDataContent { { new StringContent("just a field"), "comment" } };

        using var response = await _client.PostAsync(Requests.Classify, content);

        await Requests.AssertProblemAsync(response, ProblemTypes.NoImage);
    }

    [Test]
    public async Task A_multipart_content_type_without_boundary_is_malformed()
    {
        using var response = await _client.PostAsync(Requests.Classify, Requests.Body(TestImages.NoisePng(3), "multipart/form-data"));

        await Requests.AssertProblemAsync(response, ProblemTypes.MalformedMultipart);
    }

    [Test]
    public async Task A_multipart_body_cut_short_is_malformed()
    {
        var body = "--xyz\r\nContent-Disposition: form-data; name=\"images\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"u8.ToArray()
            .Concat(TestImages.NoisePng(5)).ToArray();

        using var response = await _client.PostAsync(Requests.Classify, Requests.Body(body, "multipart/form-data; boundary=xyz"));

        await Requests.AssertProblemAsync(response, ProblemTypes.MalformedMultipart);
    }

    [Test]
    public async Task A_bad_part_in_a_batch_names_the_part()
    {
        using var content = Requests.Multipart(
            ("good.png", TestImages.SolidPng(1, 2, 3), "image/png"),
            ("broken.png", TestImages.Truncated(TestImages.NoisePng(6), 0.4), "image/png"));

        using var response = await _client.PostAsync(Requests.ClassifyBatch, content);

        var problem = await Requests.AssertProblemAsync(response, ProblemTypes.TruncatedImage);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("broken.png"));
    }

    [Test]
    public async Task More_images_than_the_batch_limit_are_refused()
    {
        var parts = Enumerable.Range(0, 4).Select(i => ($"{i}.png", TestImages.SolidPng(9, 9, 9), "image/png")).ToArray();
        using var content = Requests.Multipart(parts);

        using var response = await _client.PostAsync(Requests.ClassifyBatch, content);

        await Requests.AssertProblemAsync(response, ProblemTypes.TooManyImages);
    }

    [Test]
    public async Task Two_files_sent_to_the_single_image_endpoint_are_refused()
    {
        using var content = Requests.Multipart(("a.png", TestImages.SolidPng(1, 1, 1), "image/png"), ("b.png", TestImages.SolidPng(2, 2, 2), "image/png"));

        using var response = await _client.PostAsync(Requests.Classify, content);

        await Requests.AssertProblemAsync(response, ProblemTypes.TooManyImages);
    }

    [Test]
    public async Task A_raw_image_sent_to_the_batch_endpoint_is_refused()
    {
        using var response = await _client.PostAsync(Requests.ClassifyBatch, Requests.Body(TestImages.SolidPng(1, 1, 1), "image/png"));

        await Requests.AssertProblemAsync(response, ProblemTypes.UnsupportedContentType);
    }

    [Test]
    public async Task A_chunked_body_over_the_limit_is_refused_without_a_content_length()
    {
        using var content = new StreamContent(new MemoryStream(new byte[MaxRequestBytes * 2]));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.Classify) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await Requests.AssertProblemAsync(response, ProblemTypes.BodyTooLarge);
    }

    [Test]
    public async Task A_failing_forward_pass_is_a_500_problem_and_the_service_keeps_serving()
    {
        _factory.Classifier.FailNext = new InvalidOperationException("simulated device fault");

        using var failed = await _client.PostAsync(Requests.Classify, Requests.Body(TestImages.SolidPng(200, 0, 0), "image/png"));
        var problem = await Requests.AssertProblemAsync(failed, ProblemTypes.InferenceFailed);
        using var next = await _client.PostAsync(Requests.Classify, Requests.Body(TestImages.SolidPng(200, 0, 0), "image/png"));

        Assert.That(problem.GetProperty("detail").GetString(), Does.Not.Contain("simulated device fault"));
        Assert.That(next.IsSuccessStatusCode, Is.True);
    }

    [Test]
    public void Every_decoder_failure_maps_to_a_distinct_catalogued_type()
    {
        var types = Enum.GetValues<ImageDecodeFailure>().Select(RequestImageReader.ProblemTypeOf).ToList();

        Assert.That(types, Is.Unique);
        Assert.That(types, Is.SubsetOf(ProblemTypes.All));
        Assert.That(ProblemTypes.All.Select(t => t.Uri), Is.Unique);
        Assert.That(ProblemTypes.All.Select(t => t.Status), Has.All.InRange(400, 599));
    }
}
