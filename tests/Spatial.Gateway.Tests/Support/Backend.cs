using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Spatial.Gateway.Tests.Support;

/// <summary>
/// A stand-in replica on a free 127.0.0.1 port: answers every path with its name in <c>X-Backend</c> after an optional
/// delay, and <c>/health/ready</c> with 200 (or 503 once made unready). Stopping it is a replica dying.
/// </summary>
internal sealed class Backend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _served;

    private Backend(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    public bool Ready { get; set; } = true;

    public int Served => Volatile.Read(ref _served);

    public static async Task<Backend> StartAsync(string name, TimeSpan delay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new Backend(app, name);
        app.MapGet("/health/ready", (HttpContext context) =>
            backend.Ready ? Results.Ok("ready") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.Map("/{**path}", async (HttpContext context) =>
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay);
            Interlocked.Increment(ref backend._served);
            context.Response.Headers["X-Backend"] = name;
            // Drain the body so a replayed request is observed whole.
            await context.Request.Body.CopyToAsync(Stream.Null);
            await context.Response.WriteAsync(name);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        backend.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return backend;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
