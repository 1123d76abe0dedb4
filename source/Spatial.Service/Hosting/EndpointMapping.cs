using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;
using Spatial.Service.Apis;
using Spatial.Service.Inference;
using Spatial.Service.Metrics;

namespace Spatial.Service.Hosting;

/// <summary>The request pipeline and every endpoint of the service.</summary>
public static class EndpointMapping
{
    /// <summary>Liveness probe path.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness probe path.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Adds middleware and maps the API, health, metrics and OpenAPI endpoints.</summary>
    public static WebApplication MapSpatialService(this WebApplication app)
    {
        // Problem details for unhandled failures (no stack trace) and for bare status codes such as 404.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();

        var model = app.Services.GetRequiredService<IImageClassifier>().Description;
        app.Use(MethodLabel.NormalizeAsync);
        app.UseHttpMetrics(options =>
        {
            options.AddCustomLabel("model_version", _ => model.ModelVersion);
            options.AddCustomLabel("accelerator", _ => model.Accelerator.Kind.ToString());
        });

        app.MapClassifyApi();
        app.MapModelApi();
        app.MapReleaseApi();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ServiceRegistration.LiveTag) });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ServiceRegistration.ReadyTag) });
        app.MapMetrics();
        app.MapOpenApi();
        return app;
    }
}
