using System.Net;
using System.Text.Json;
using Prometheus;
using Spatial.Gateway.Metrics;
using Spatial.Gateway.Options;
using Spatial.Gateway.Pool;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Spatial.Gateway.Apis;

/// <summary>
/// The admin listener (loopback only): <c>GET|PUT /admin/pool</c>, the gateway's own <c>/health/live</c>,
/// <c>/health/ready</c> and <c>/metrics</c>. Everything on the public listener is proxied to the replicas, their
/// health and metrics paths included. A request from anything but loopback is refused, whatever address it reached.
/// </summary>
public static class AdminEndpoint
{
    /// <summary>The pool path.</summary>
    public const string PoolPath = "/admin/pool";

    /// <summary>Liveness of the gateway process.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: at least one destination is available.</summary>
    public const string ReadyPath = "/health/ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Branches requests that arrive on the admin port into the admin pipeline.</summary>
    public static WebApplication MapAdminEndpoint(this WebApplication app, GatewayOptions options)
    {
        app.MapWhen(context => context.Connection.LocalPort == options.AdminPort, admin =>
        {
            admin.Use(RefuseNonLoopbackAsync);
            admin.UseMetricServer("/metrics");
            admin.Run(HandleAsync);
        });
        return app;
    }

    /// <summary>403 for any remote address that is not loopback.</summary>
    internal static async Task RefuseNonLoopbackAsync(HttpContext context, Func<Task> next)
    {
        if (context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            await next();
            return;
        }
        await Problem(context, StatusCodes.Status403Forbidden, "admin-loopback-only", "The admin endpoint answers loopback only",
            $"request from {context.Connection.RemoteIpAddress} refused");
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var pool = context.RequestServices.GetRequiredService<DestinationPool>();
        var path = context.Request.Path.Value;
        var method = context.Request.Method;
        switch (path)
        {
            case LivePath when HttpMethods.IsGet(method):
                await context.Response.WriteAsJsonAsync(new { status = "Healthy" }, Json);
                return;
            case ReadyPath when HttpMethods.IsGet(method):
                var available = AvailableDestinations(context);
                context.Response.StatusCode = available > 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new { status = available > 0 ? "Healthy" : "Unhealthy", available }, Json);
                return;
            case PoolPath when HttpMethods.IsGet(method):
                await context.Response.WriteAsJsonAsync(Describe(context, pool.Current), Json);
                return;
            case PoolPath when HttpMethods.IsPut(method):
                await ReplacePoolAsync(context, pool);
                return;
            case PoolPath or LivePath or ReadyPath:
                context.Response.Headers.Allow = path == PoolPath ? "GET, PUT" : "GET";
                await Problem(context, StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed", $"{method} {path}");
                return;
            default:
                await Problem(context, StatusCodes.Status404NotFound, "not-found", "Not found", $"{path} is not an admin path");
                return;
        }
    }

    private static async Task ReplacePoolAsync(HttpContext context, DestinationPool pool)
    {
        PoolRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<PoolRequest>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "malformed-pool", "The pool request is not valid JSON", e.Message);
            return;
        }
        var destinations = new List<Uri>();
        foreach (var text in request?.Destinations ?? [])
        {
            if (!DestinationAddress.TryParse(text, out var address))
            {
                await Problem(context, StatusCodes.Status400BadRequest, "malformed-pool", "A destination is not an absolute http:// address", $"'{text}'");
                return;
            }
            destinations.Add(address);
        }
        if (destinations.Count == 0)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "empty-pool", "A pool needs at least one destination", "destinations is empty");
            return;
        }
        var snapshot = pool.Replace(destinations, request?.Label);
        context.RequestServices.GetRequiredService<GatewayMetrics>().PoolChanged(snapshot.Generation, snapshot.Destinations.Count);
        await context.Response.WriteAsJsonAsync(Describe(context, snapshot), Json);
    }

    private static PoolResponse Describe(HttpContext context, PoolSnapshot snapshot)
    {
        var states = Cluster(context)?.Destinations ?? [];
        return new PoolResponse(snapshot.Generation, snapshot.Label, snapshot.Destinations.Select(address =>
        {
            var id = DestinationPool.DestinationId(address);
            var health = states.TryGetValue(id, out var state) ? state.Health : null;
            return new DestinationResponse(address.AbsoluteUri, (health?.Active ?? DestinationHealth.Unknown).ToString(), (health?.Passive ?? DestinationHealth.Unknown).ToString());
        }).ToList());
    }

    private static int AvailableDestinations(HttpContext context)
    {
        // Healthy or not yet probed (YARP's Unknown): what the load balancer may pick, without the panic fallback.
        var cluster = Cluster(context);
        return cluster?.Destinations.Values.Count(d => d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy) ?? 0;
    }

    private static ClusterState? Cluster(HttpContext context) =>
        context.RequestServices.GetRequiredService<IProxyStateLookup>().TryGetCluster(DestinationPool.ClusterId, out var cluster) ? cluster : null;

    private static Task Problem(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { type = $"urn:spatial:problem:{type}", title, status, detail },
            Json, "application/problem+json");
    }
}
