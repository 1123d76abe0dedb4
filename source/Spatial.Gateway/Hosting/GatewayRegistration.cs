using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Spatial.Gateway.Health;
using Spatial.Gateway.Metrics;
using Spatial.Gateway.Options;
using Spatial.Gateway.Pool;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Spatial.Gateway.Hosting;

/// <summary>Adds the gateway's services: options, listeners, YARP with the pool, health policies and metrics.</summary>
public static class GatewayRegistration
{
    /// <summary>Registers everything the gateway needs.</summary>
    public static WebApplicationBuilder AddSpatialGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>((kestrel, options) =>
            GatewayListeners.Configure(kestrel, builder.Configuration, options.Value));

        var (routes, clusters) = DestinationPool.Empty();
        services.AddReverseProxy().LoadFromMemory(routes, clusters);
        services.AddSingleton<DestinationPool>();
        services.AddSingleton<IPassiveHealthCheckPolicy, EjectOnFailurePolicy>();
        services.AddSingleton<GatewayMetrics>();
        return builder;
    }

    /// <summary>Maps the admin listener and the proxy with its pipeline (metrics, retry on delivery failure, load balancing, passive health).</summary>
    public static WebApplication MapSpatialGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var pool = app.Services.GetRequiredService<DestinationPool>();
        var metrics = app.Services.GetRequiredService<GatewayMetrics>();
        metrics.PoolChanged(pool.Current.Generation, pool.Current.Destinations.Count);

        Apis.AdminEndpoint.MapAdminEndpoint(app, options);
        app.MapReverseProxy(proxy =>
        {
            proxy.Use((context, next) => ProxyMetricsStep.InvokeAsync(context, next, metrics));
            proxy.Use((context, next) => ConnectFailureRetry.InvokeAsync(context, next, metrics));
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
