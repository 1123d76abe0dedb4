using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Spatial.Service.Images;
using Spatial.Service.Inference;
using Spatial.Service.Metrics;
using Spatial.Service.Model;
using Spatial.Service.Options;

namespace Spatial.Service.Hosting;

/// <summary>Adds everything the service needs to the host: options, the model, batching, health, problem details, OpenAPI.</summary>
public static class ServiceRegistration
{
    /// <summary>Health-check tag of the liveness probe.</summary>
    public const string LiveTag = "live";

    /// <summary>Health-check tag of the readiness probe.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the service's options, components and framework features.</summary>
    public static WebApplicationBuilder AddSpatialService(this WebApplicationBuilder builder)
    {
        DefaultMetricSet.Configure();
        var services = builder.Services;
        AddValidatedOptions<ModelOptions>(services, ModelOptions.Section);
        AddValidatedOptions<LimitsOptions>(services, LimitsOptions.Section);
        AddValidatedOptions<BatchingOptions>(services, BatchingOptions.Section);
        AddValidatedOptions<ServerOptions>(services, ServerOptions.Section);
        services.AddOptions<ReleaseOptions>().BindConfiguration(ReleaseOptions.Section);

        var configuration = builder.Configuration;
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>, IOptions<LimitsOptions>>((kestrel, server, limits) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes;
            if (!ListenEndpoints.FrameworkConfigured(configuration))
                kestrel.Listen(ListenEndpoints.FallbackAddress(server.Value, configuration), server.Value.Port);
        });
        services.AddOptions<HostOptions>().Configure<IOptions<ServerOptions>>((host, server) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(server.Value.ShutdownTimeoutSeconds));

        services.AddSingleton<IImageClassifier>(provider =>
        {
            var model = provider.GetRequiredService<IOptions<ModelOptions>>().Value;
            return DualEncoderImageClassifier.Load(ModelLocation.Resolve(model), model.Accelerator);
        });
        services.AddSingleton<InferenceMetrics>();
        services.AddSingleton<InferenceBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<InferenceBatcher>());
        services.AddSingleton<ModelReadiness>();
        services.AddHostedService<ModelWarmup>();
        services.AddSingleton<DecodedPixelBudget>();
        services.AddSingleton<RequestImageReader>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("process is running"), tags: [LiveTag])
            .AddCheck<ModelReadinessCheck>("model", tags: [ReadyTag]);
        services.AddOpenApi();
        return builder;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
