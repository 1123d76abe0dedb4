using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Spatial.Gateway.Hosting;

namespace Spatial.Gateway.Tests.Support;

/// <summary>The real gateway (Kestrel, YARP, admin listener) on free 127.0.0.1 ports, in the test process.</summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayUnderTest(WebApplication app, int port, int adminPort)
    {
        _app = app;
        Address = new Uri($"http://127.0.0.1:{port}/");
        Admin = new Uri($"http://127.0.0.1:{adminPort}/");
    }

    public Uri Address { get; }

    public Uri Admin { get; }

    public static async Task<GatewayUnderTest> StartAsync(IEnumerable<Uri> destinations, double ejectionSeconds = 30)
    {
        var port = FreePort();
        var adminPort = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Gateway:AdminPort"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:HealthIntervalSeconds"] = "0.5",
            ["Gateway:EjectionSeconds"] = ejectionSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var i = 0;
        foreach (var destination in destinations)
            settings[$"Gateway:Destinations:{i++}"] = destination.AbsoluteUri;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddSpatialGateway();
        var app = builder.Build();
        app.MapSpatialGateway();
        await app.StartAsync();
        return new GatewayUnderTest(app, port, adminPort);
    }

    public async Task<HttpResponseMessage> SwapAsync(HttpClient http, IEnumerable<Uri> destinations, string label) =>
        await http.PutAsJsonAsync(new Uri(Admin, "admin/pool"), new { destinations = destinations.Select(d => d.AbsoluteUri), label });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
