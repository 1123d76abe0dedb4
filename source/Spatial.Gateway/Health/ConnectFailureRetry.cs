using Spatial.Gateway.Metrics;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Spatial.Gateway.Health;

/// <summary>
/// Proxy-pipeline step: a request that could not be delivered to its destination (connection refused, reset before
/// any response) is sent once more to another available destination, as long as nothing of the response has gone to
/// the client. The body is buffered so it can be replayed. Inference is idempotent, so a replay is safe.
/// </summary>
public static class ConnectFailureRetry
{
    /// <summary>How many other destinations a request may be tried on.</summary>
    public const int MaxRetries = 2;

    /// <summary>Runs the rest of the pipeline, retrying on another destination after a delivery failure.</summary>
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, GatewayMetrics metrics)
    {
        context.Request.EnableBuffering();
        var proxy = context.GetReverseProxyFeature();
        var tried = new HashSet<DestinationState>();
        // Load balancing narrows the feature's list to the one destination it picked: keep the whole list.
        var candidates = proxy.AvailableDestinations;
        for (var attempt = 0; ; attempt++)
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is null || error.Error != ForwarderError.Request)
                return;
            var refusal = context.Response.HasStarted ? "response-started"
                : attempt >= MaxRetries ? "attempts-exhausted"
                : !context.Request.Body.CanSeek ? "body-not-replayable"
                : null;
            if (proxy.ProxiedDestination is { } failed)
                tried.Add(failed);
            var others = candidates.Where(d => !tried.Contains(d)).ToList();
            refusal ??= others.Count == 0 ? "no-other-destination" : null;
            metrics.Retry(refusal ?? "retried");
            if (refusal is not null)
                return;
            context.Request.Body.Position = 0;
            context.Features.Set<IForwarderErrorFeature>(null);
            proxy.AvailableDestinations = others;
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }
}
