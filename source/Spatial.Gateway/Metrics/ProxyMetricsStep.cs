using System.Diagnostics;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Spatial.Gateway.Metrics;

/// <summary>Proxy-pipeline step that measures every request once it has been answered, labelled with the destination that answered.</summary>
public static class ProxyMetricsStep
{
    /// <summary>Runs the rest of the pipeline and records the outcome.</summary>
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, GatewayMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        await next();
        var destination = context.GetReverseProxyFeature().ProxiedDestination?.DestinationId ?? "none";
        var error = context.GetForwarderErrorFeature()?.Error;
        metrics.Observe(destination, context.Response.StatusCode, error is null or ForwarderError.None ? null : error.ToString(), Stopwatch.GetElapsedTime(started));
    }
}
