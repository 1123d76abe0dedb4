using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Spatial.LoadTesting.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port: <c>GET /ok</c>, <c>GET /delay/{ms}</c> (answers after that delay),
/// <c>GET /status/{code}</c>, and <c>POST /v1/classify</c> (answers the label in the <c>X-Label</c> header, or
/// "margherita"; every third request with 503 when <c>?fail</c>). Counts the requests it served and their content types.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private long requests;

    public ConcurrentDictionary<string, int> ContentTypes { get; } = new(StringComparer.Ordinal);

    private TestServer(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public long Requests => Interlocked.Read(ref requests);

    public static async Task<TestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestServer(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server.requests);
            await next(context);
        });
        app.MapGet("/ok", () => "ok");
        app.MapGet("/delay/{ms:int}", async (int ms, CancellationToken ct) =>
        {
            await Task.Delay(ms, ct);
            return "late";
        });
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        var classified = 0L;
        app.MapPost("/v1/classify", async (HttpRequest request) =>
        {
            server.ContentTypes.AddOrUpdate(request.ContentType?.Split(';')[0] ?? "", 1, (_, n) => n + 1);
            using var sink = new MemoryStream();
            await request.Body.CopyToAsync(sink);
            if (request.Query.ContainsKey("fail") && Interlocked.Increment(ref classified) % 3 == 0)
                return Results.StatusCode(503);
            var label = request.Headers["X-Label"].FirstOrDefault() ?? "margherita";
            return Results.Json(new { label, probabilities = new Dictionary<string, float> { [label] = 1f } });
        });
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
