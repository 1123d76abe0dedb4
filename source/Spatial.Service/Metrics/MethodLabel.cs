namespace Spatial.Service.Metrics;

/// <summary>
/// Keeps the HTTP metrics' <c>method</c> label to a fixed set. Every distinct method name would otherwise become new
/// series (20,000 random 4000-character methods grew /metrics to 1.7 GB), so a method outside RFC 9110's and PATCH is
/// renamed <see cref="Other"/> before the metrics middleware sees it. No endpoint accepts such a method, so routing
/// answers 405 or 404 exactly as before.
/// </summary>
public static class MethodLabel
{
    /// <summary>The one method name unknown methods are recorded (and routed) as.</summary>
    public const string Other = "OTHER";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete,
        HttpMethods.Options, HttpMethods.Patch, HttpMethods.Trace, HttpMethods.Connect,
    };

    /// <summary>Middleware: renames an unknown method, then runs the rest of the pipeline.</summary>
    public static Task NormalizeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!Known.Contains(context.Request.Method))
            context.Request.Method = Other;
        return next(context);
    }
}
