using System.Net;
using System.Text.Json;
using Spatial.Gateway.Tests.Support;

namespace Spatial.Gateway.Tests;

public class GatewayRoutingTests
{
    private HttpClient _http = null!;

    [SetUp]
    public void CreateClient() => _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

    [TearDown]
    public void DisposeClient() => _http.Dispose();

    [Test]
    public async Task Spreads_requests_over_every_replica()
    {
        await using var a = await Backend.StartAsync("a");
        await using var b = await Backend.StartAsync("b");
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address, b.Address]);

        for (var i = 0; i < 60; i++)
        {
            using var response = await _http.GetAsync(new Uri(gateway.Address, "v1/model"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(a.Served + b.Served, Is.EqualTo(60));
        Assert.That(a.Served, Is.GreaterThan(0), "power of two choices still reaches every replica");
        Assert.That(b.Served, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_replica_killed_under_load_is_ejected_and_no_client_sees_an_error_after_that()
    {
        await using var a = await Backend.StartAsync("a", TimeSpan.FromMilliseconds(5));
        await using var b = await Backend.StartAsync("b", TimeSpan.FromMilliseconds(5));
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address, b.Address]);
        var load = new LoadLoop();
        load.Start(_http, gateway.Address, clients: 4, maxRequests: 5000);
        await load.WaitForAsync(0, 100, TimeSpan.FromSeconds(30));

        await a.StopAsync();
        var killedAt = DateTime.UtcNow;
        var before = load.Outcomes.Count;
        await load.WaitForAsync(before, 300, TimeSpan.FromSeconds(30));
        await load.StopAsync();

        var afterKill = load.Outcomes.Where(o => o.FinishedAt > killedAt).ToList();
        var failed = afterKill.Where(o => !o.Ok).ToList();
        TestContext.Out.WriteLine($"after the kill: {afterKill.Count} requests, {failed.Count} failed ({string.Join("; ", failed.Take(3).Select(f => f.Detail))})");
        TestContext.Out.WriteLine(string.Join("\n", (await _http.GetStringAsync(new Uri(gateway.Admin, "metrics"))).Split('\n').Where(l => l.StartsWith("spatial_gateway_proxy_errors_total", StringComparison.Ordinal) || l.StartsWith("spatial_gateway_retries_total", StringComparison.Ordinal))));
        Assert.That(failed, Is.Empty, "a delivery failure to the dead replica is retried on the live one");
        Assert.That(afterKill.TakeLast(100).Select(o => o.Backend), Is.All.EqualTo("b"), "the dead replica is out of the pool");

        using var pool = await _http.GetAsync(new Uri(gateway.Admin, "admin/pool"));
        using var document = JsonDocument.Parse(await pool.Content.ReadAsStringAsync());
        var dead = document.RootElement.GetProperty("destinations").EnumerateArray().Single(d => d.GetProperty("address").GetString() == a.Address.AbsoluteUri);
        Assert.That(dead.GetProperty("passive").GetString(), Is.EqualTo("Unhealthy"), "ejected by the passive health check");
    }

    [Test]
    public async Task Swapping_the_pool_under_load_drops_no_request_and_moves_all_traffic()
    {
        await using var blue1 = await Backend.StartAsync("blue-1", TimeSpan.FromMilliseconds(20));
        await using var blue2 = await Backend.StartAsync("blue-2", TimeSpan.FromMilliseconds(20));
        await using var green1 = await Backend.StartAsync("green-1", TimeSpan.FromMilliseconds(20));
        await using var green2 = await Backend.StartAsync("green-2", TimeSpan.FromMilliseconds(20));
        await using var gateway = await GatewayUnderTest.StartAsync([blue1.Address, blue2.Address]);
        var load = new LoadLoop();
        load.Start(_http, gateway.Address, clients: 6, maxRequests: 5000);
        await load.WaitForAsync(0, 100, TimeSpan.FromSeconds(30));

        using var swap = await gateway.SwapAsync(_http, [green1.Address, green2.Address], "green");
        var swappedAt = DateTime.UtcNow;
        Assert.That(swap.StatusCode, Is.EqualTo(HttpStatusCode.OK), await swap.Content.ReadAsStringAsync());
        await load.WaitForAsync(load.Outcomes.Count, 200, TimeSpan.FromSeconds(30));
        await load.StopAsync();

        var outcomes = load.Outcomes;
        TestContext.Out.WriteLine($"{outcomes.Count} requests across the swap, {outcomes.Count(o => !o.Ok)} failed");
        Assert.That(outcomes.Where(o => !o.Ok), Is.Empty);
        // Requests in flight at the swap finish on blue; everything that started after it goes to green.
        var late = outcomes.Where(o => o.FinishedAt > swappedAt.AddMilliseconds(500)).ToList();
        Assert.That(late, Is.Not.Empty);
        Assert.That(late.Select(o => o.Backend), Is.All.StartsWith("green-"));
        Assert.That(blue1.Served + blue2.Served, Is.GreaterThan(0));
    }

    [Test]
    public async Task Admin_paths_are_not_served_on_the_public_listener()
    {
        await using var a = await Backend.StartAsync("a");
        await using var gateway = await GatewayUnderTest.StartAsync([a.Address]);

        using var response = await _http.GetAsync(new Uri(gateway.Address, "admin/pool"));

        Assert.That(response.Headers.GetValues("X-Backend").Single(), Is.EqualTo("a"), "proxied to the replica like any path");
    }
}
