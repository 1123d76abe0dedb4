using System.Net.Http.Headers;

namespace Spatial.LoadTesting.Scenarios;

/// <summary>Scenarios against the classification API: <c>POST /v1/classify</c> with payloads rotated in order.</summary>
public static class ClassifyScenarios
{
    /// <summary>How the image travels.</summary>
    public enum Body
    {
        /// <summary>The image is the whole body (Content-Type image/png).</summary>
        Raw,

        /// <summary>The image is the one file part of a multipart form.</summary>
        Multipart,
    }

    /// <summary>Classifies <paramref name="payloads"/> in turn at <paramref name="baseAddress"/>; checks the label where the payload has one, else the status.</summary>
    public static Scenario Classify(Uri baseAddress, IReadOnlyList<Payload> payloads, Body body = Body.Raw)
    {
        ArgumentOutOfRangeException.ThrowIfZero(payloads.Count);
        LoopbackAddress.Require(baseAddress);
        var endpoint = new Uri(baseAddress, "v1/classify");
        return new Scenario($"classify ({body.ToString().ToLowerInvariant()}, {payloads.Count} images)", n =>
        {
            var payload = payloads[(int)(n % payloads.Count)];
            var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Content(payload, body) };
            var check = payload.ExpectedLabel is { } label ? ResponseChecks.Label(label) : ResponseChecks.Status(200);
            return new ScenarioRequest(message, check);
        });
    }

    /// <summary>A GET of <paramref name="address"/> that must answer 200 (the trivial endpoint of the benchmarks).</summary>
    public static Scenario Get(Uri address)
    {
        LoopbackAddress.Require(address);
        var check = ResponseChecks.Status(200);
        return new Scenario($"GET {address.AbsolutePath}", _ => new ScenarioRequest(new HttpRequestMessage(HttpMethod.Get, address), check));
    }

    private static HttpContent Content(Payload payload, Body body)
    {
        var raw = new ByteArrayContent(payload.Body);
        raw.Headers.ContentType = new MediaTypeHeaderValue(payload.ContentType);
        if (body == Body.Raw)
            return raw;
        return new MultipartFormDataContent { { raw, "image", "image" + Extension(payload.ContentType) } };
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        _ => ".bin",
    };
}
