using System.Net.Http.Headers;
using System.Text.Json;
using Spatial.Service.Problems;

namespace Spatial.Service.Tests.Support;

/// <summary>Request builders and response checks shared by the API tests.</summary>
internal static class Requests
{
    public static readonly Uri Classify = new("/v1/classify", UriKind.Relative);
    public static readonly Uri ClassifyBatch = new("/v1/classify/batch", UriKind.Relative);

    public static ByteArrayContent Body(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static MultipartFormDataContent Multipart(params (string FileName, byte[] Bytes, string ContentType)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (fileName, bytes, contentType) in files)
            content.Add(Body(bytes, contentType), "images", fileName);
        return content;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem of <paramref name="expected"/> with a request id and no exception internals.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, ProblemType expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(expected.Status), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
            Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "a problem response leaks internals");
        });
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(expected.Uri));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(expected.Status));
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo(expected.Title));
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("requestId").GetString(), Is.Not.Empty);
        });
        return problem;
    }
}
