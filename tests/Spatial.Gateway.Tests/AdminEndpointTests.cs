using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Spatial.Gateway.Apis;
using Spatial.Gateway.Tests.Support;

namespace Spatial.Gateway.Tests;

public class AdminEndpointTests
{
    private HttpClient _http = null!;

    [SetUp]
    public void CreateClient() => _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

    [TearDown]
    public void DisposeClient() => _http.Dispose();

    [TestCase("10.1.2.3")]
    [TestCase("192.168.0.7")]
    [TestCase("172.17.0.1")]
    [TestCase("2001:db8::1")]
    public async Task Refuses_a_request_from_anything_but_loopback(string remote)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Response.Body = new MemoryStream();
        var reached = false;

        await AdminEndpoint.RefuseNonLoopbackAsync(context, () => { reached = true; return Task.CompletedTask; });

        Assert.That(reached, Is.False);
        Assert.That(context.Response.StatusCode, Is.EqualTo(403));
        Assert.That(context.Response.ContentType, Does.StartWith("application/problem+json"));
        context.Response.Body.Position = 0;
        using var body = JsonDocument.Parse(context.Response.Body);
        Assert.That(body.RootElement.GetProperty("type").GetString(), Is.EqualTo("urn:spatial:problem:admin-loopback-only"));
    }

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    public async Task Lets_loopback_through(string remote)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var reached = false;

        await AdminEndpoint.RefuseNonLoopbackAsync(context, () => { reached = true; return Task.CompletedTask; });

        Assert.That(reached, Is.True);
    }

    [Test]
    public async Task A_pool_swap_increases_the_generation_and_names_the_pool()
    {
        await using var a = await Backend.StartAsync("a");
        await using var b = await Backend.StartAsync("b");
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address]);

        using var swap = await gateway.SwapAsync(_http, [b.Address], "release-2");
        using var read = await _http.GetAsync(new Uri(gateway.Admin, "admin/pool"));
        using var document = JsonDocument.Parse(await read.Content.ReadAsStringAsync());

        Assert.That(swap.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document.RootElement.GetProperty("generation").GetInt64(), Is.EqualTo(1));
        Assert.That(document.RootElement.GetProperty("label").GetString(), Is.EqualTo("release-2"));
        Assert.That(document.RootElement.GetProperty("destinations").EnumerateArray().Select(d => d.GetProperty("address").GetString()),
            Is.EqualTo(new[] { b.Address.AbsoluteUri }));
    }

    [TestCase("""{"destinations":[]}""", "urn:spatial:problem:empty-pool")]
    [TestCase("""{"destinations":["ftp://127.0.0.1:1/"]}""", "urn:spatial:problem:malformed-pool")]
    [TestCase("""{"destinations":["not a url"]}""", "urn:spatial:problem:malformed-pool")]
    [TestCase("""{"destinations":""", "urn:spatial:problem:malformed-pool")]
    public async Task A_bad_pool_is_refused_and_the_old_one_keeps_serving(string body, string type)
    {
        await using var a = await Backend.StartAsync("a");
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address]);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var swap = await _http.PutAsync(new Uri(gateway.Admin, "admin/pool"), content);
        using var problem = JsonDocument.Parse(await swap.Content.ReadAsStringAsync());
        using var served = await _http.GetAsync(new Uri(gateway.Address, "v1/model"));

        Assert.That((int)swap.StatusCode, Is.EqualTo(400));
        Assert.That(problem.RootElement.GetProperty("type").GetString(), Is.EqualTo(type));
        Assert.That(served.Headers.GetValues("X-Backend").Single(), Is.EqualTo("a"));
    }

    [Test]
    public async Task Readiness_follows_the_replicas_health()
    {
        await using var a = await Backend.StartAsync("a");
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address]);
        using (var ready = await _http.GetAsync(new Uri(gateway.Admin, "health/ready")))
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        a.Ready = false;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            using var response = await _http.GetAsync(new Uri(gateway.Admin, "health/ready"));
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no destination is available once the only one fails its probes");
    }

    [Test]
    public async Task Metrics_name_each_destination()
    {
        await using var a = await Backend.StartAsync("a");
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address]);
        using (await _http.GetAsync(new Uri(gateway.Address, "v1/model"))) { }

        var metrics = await _http.GetStringAsync(new Uri(gateway.Admin, "metrics"));

        Assert.That(metrics, Does.Contain($"spatial_gateway_requests_total{{destination=\"{a.Address.Authority}\",code=\"200\"}}"));
        Assert.That(metrics, Does.Contain("spatial_gateway_request_duration_seconds_bucket"));
    }
}
