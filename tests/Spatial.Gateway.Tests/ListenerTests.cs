using System.Net;
using Microsoft.Extensions.Configuration;
using Spatial.Gateway.Hosting;

namespace Spatial.Gateway.Tests;

public class ListenerTests
{
    [TestCase("http://127.0.0.1:5123", "127.0.0.1:5123")]
    [TestCase("http://localhost:5124", "127.0.0.1:5124")]
    [TestCase("http://*:5125", "0.0.0.0:5125")]
    [TestCase("http://+:5126", "0.0.0.0:5126")]
    [TestCase("http://[::1]:5127", "[::1]:5127")]
    public void Honours_ASPNETCORE_URLS(string urls, string endpoint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Assert.That(GatewayListeners.PublicEndpoints(configuration).Select(e => e.ToString()), Is.EqualTo(new[] { endpoint }));
    }

    [Test]
    public void Falls_back_to_ASPNETCORE_HTTP_PORTS_then_to_loopback_8080()
    {
        var ports = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["http_ports"] = "8090" }).Build();
        var none = new ConfigurationBuilder().Build();

        Assert.That(GatewayListeners.PublicEndpoints(ports).Single(), Is.EqualTo(new IPEndPoint(IPAddress.Any, 8090)));
        Assert.That(GatewayListeners.PublicEndpoints(none).Single(), Is.EqualTo(new IPEndPoint(IPAddress.Loopback, 8080)));
    }

    [Test]
    public void Refuses_an_https_url_with_the_url_in_the_message() =>
        Assert.That(() => GatewayListeners.PublicEndpoints(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "https://127.0.0.1:5443" }).Build()),
            Throws.InvalidOperationException.With.Message.Contains("https://127.0.0.1:5443"));
}
