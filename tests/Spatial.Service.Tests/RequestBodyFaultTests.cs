using Spatial.Service.Problems;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>
/// Bodies that break the rules at the transport: too large without <c>Expect: 100-continue</c>, too slow, cut off.
/// The client reads a 4xx problem (or a closed connection), never a 5xx that would count as an inference failure.
/// </summary>
[NonParallelizable]
public sealed class RequestBodyFaultTests
{
    private const int MaxRequestBytes = 64 * 1024;

    private static ServiceFactory StartOnKestrel()
    {
        var factory = new ServiceFactory(new FakeClassifier(), new Dictionary<string, string?>
        {
            ["Spatial:Limits:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    private static async Task<(ServiceFactory Factory, int Port)> StartAsync()
    {
        var factory = StartOnKestrel();
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        return (factory, client.BaseAddress!.Port);
    }

    /// <summary>A body the size of four limits, sent as a plain client does: no Expect header, writing until done.</summary>
    private static HttpRequestMessage Oversized(bool declareLength)
    {
        var bytes = new byte[4 * MaxRequestBytes];
        HttpContent content = declareLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        var request = new HttpRequestMessage(HttpMethod.Post, Requests.Classify) { Content = content };
        request.Headers.ExpectContinue = false;
        return request;
    }

    [TestCase(true, TestName = "Oversized_body_with_content_length_and_no_expect_header_gets_a_413_problem")]
    [TestCase(false, TestName = "Oversized_chunked_body_and_no_expect_header_gets_a_413_problem")]
    public async Task Oversized_body_without_expect_continue_gets_a_413_problem(bool declareLength)
    {
        await using var factory = StartOnKestrel();
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        var failures = new List<string>();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                using var request = Oversized(declareLength);
                using var response = await client.SendAsync(request);
                await Requests.AssertProblemAsync(response, new ProblemType("body-too-large", 413, "The request body exceeds the size limit"));
            }
            catch (HttpRequestException exception)
            {
                failures.Add(exception.Message);
            }
        }
        Assert.That(failures, Is.Empty, "the connection was cut before the client read an answer");
    }

    /// <summary>A stream that hides its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }

    /// <summary>The sum of the series' samples whose line contains every one of <paramref name="labels"/> (the registry is process-wide, so tests compare before and after).</summary>
    private static async Task<double> SampleSumAsync(ServiceFactory factory, string series, params string[] labels)
    {
        using var client = factory.CreateClient();
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return text.Split('\n')
            .Where(line => line.StartsWith(series + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private const string Requests500 = "code=\"500\"";

    [Test]
    public async Task A_body_sent_at_one_byte_per_second_is_a_408_or_a_closed_connection_never_a_500()
    {
        var (factory, port) = await StartAsync();
        await using var _ = factory;
        var errorsBefore = await SampleSumAsync(factory, "http_requests_received_total", Requests500);
        await using var connection = await RawHttpConnection.OpenAsync(port);
        await connection.SendHeadAsync("/v1/classify", "image/png", 4096);
        var answer = Task.Run(() => connection.ReadAnswerAsync(TimeSpan.FromSeconds(40)));
        // Kestrel's minimum body data rate (240 B/s after a 5 s grace) cuts this off; bounded at 30 bytes.
        for (var i = 0; i < 30 && !answer.IsCompleted; i++)
        {
            if (!await connection.TryWriteAsync(new byte[] { 0x89 }))
                break;
            await Task.Delay(1000);
        }
        var text = await answer;

        Assert.That(text, Does.Not.StartWith("HTTP/1.1 5"));
        if (!string.IsNullOrEmpty(text))
        {
            Assert.That(text, Does.StartWith("HTTP/1.1 408 "));
            Assert.That(text, Does.Contain("\"type\":\"urn:spatial:problem:request-timeout\""));
        }
        Assert.That(await SampleSumAsync(factory, "http_requests_received_total", Requests500), Is.EqualTo(errorsBefore), "a slow client was counted as a server error");
    }

    [Test]
    public async Task A_body_cut_off_before_its_declared_length_is_not_an_inference_failure()
    {
        var (factory, port) = await StartAsync();
        await using var _ = factory;
        var errorsBefore = await SampleSumAsync(factory, "http_requests_received_total", Requests500);
        var incompleteBefore = await SampleSumAsync(factory, "spatial_request_rejections_total", $"type=\"incomplete-body\"");
        await using (var connection = await RawHttpConnection.OpenAsync(port))
        {
            await connection.SendHeadAsync("/v1/classify", "image/png", 4096);
            await connection.TryWriteAsync(new byte[100]);
        }
        // The client vanished mid-body: a bounded wait for the service to notice (generous: a loaded runner is slow to).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await SampleSumAsync(factory, "spatial_request_rejections_total", $"type=\"incomplete-body\"") == incompleteBefore)
            await Task.Delay(100);

        Assert.That(await SampleSumAsync(factory, "spatial_request_rejections_total", $"type=\"incomplete-body\""), Is.EqualTo(incompleteBefore + 1));
        Assert.That(await SampleSumAsync(factory, "http_requests_received_total", Requests500), Is.EqualTo(errorsBefore));
    }
}
