using System.Net;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>Whatever clients send, the request series stay a fixed set: unknown methods share one label value, paths never become labels.</summary>
public sealed class MetricsCardinalityTests
{
    private static async Task<string[]> SeriesAsync(HttpClient client)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return [.. text.Split('\n').Where(line => line.StartsWith("http_request", StringComparison.Ordinal))];
    }

    [Test]
    public async Task Random_method_names_and_paths_add_no_series_beyond_one_other_method_value()
    {
        await using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        var random = new Random(19);
        // Warm the series the flood is allowed to touch: an unknown method on a route and off any route, an unknown path.
        using (await client.SendAsync(new HttpRequestMessage(new HttpMethod("WARMUP"), "/v1/classify"))) { }
        using (await client.SendAsync(new HttpRequestMessage(new HttpMethod("WARMUP"), "/warm-up"))) { }
        using (await client.GetAsync(new Uri("/no-such-path", UriKind.Relative))) { }
        var before = await SeriesAsync(client);

        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            var method = new string([.. Enumerable.Range(0, 64).Select(_ => (char)('A' + random.Next(26)))]);
            using var request = new HttpRequestMessage(new HttpMethod(method), i % 2 == 0 ? "/v1/classify" : $"/random/{random.Next()}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        using (await client.GetAsync(new Uri($"/random/{random.Next()}", UriKind.Relative))) { }
        var after = await SeriesAsync(client);

        var newSeries = after.Select(l => l[..l.LastIndexOf(' ')]).Except(before.Select(l => l[..l.LastIndexOf(' ')])).ToList();
        Assert.That(newSeries, Is.Empty, "series created by the flood");
        Assert.That(after, Has.Some.Contains("method=\"OTHER\""));
        Assert.That(after, Has.None.Contains("method=\"WARMUP\""));
        Assert.That(statuses, Is.SubsetOf(new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed }));
    }
}
