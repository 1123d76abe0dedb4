using Microsoft.Extensions.Options;
using Spatial.Service.Inference;
using Spatial.Service.Options;

namespace Spatial.Service.Hosting;

/// <summary>
/// Checks, before the server opens its port, that the configuration is valid and that the model loads,
/// passes its integrity checks and fits this kernel library; the failure comes back as one line.
/// </summary>
public static class StartupVerification
{
    /// <summary>Exit code of a process that refused to start.</summary>
    public const int FailedExitCode = 2;

    /// <summary>
    /// Builds the application and verifies it; on failure writes one line to <paramref name="error"/> and returns null.
    /// </summary>
    public static WebApplication? BuildVerified(WebApplicationBuilder builder, TextWriter error)
    {
        WebApplication app;
        try
        {
            app = builder.Build();
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            error.WriteLine($"Spatial.Service cannot start: {Describe(exception)}");
            return null;
        }
        if (Verify(app.Services) is { } failure)
        {
            error.WriteLine($"Spatial.Service cannot start: {failure}");
            return null;
        }
        return app;
    }

    /// <summary>Null when the service can start; otherwise the one-line reason it cannot.</summary>
    public static string? Verify(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<ServerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<LimitsOptions>>().Value;
            _ = services.GetRequiredService<IOptions<BatchingOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            return Describe(exception);
        }

        try
        {
            _ = services.GetRequiredService<IImageClassifier>();
            return null;
        }
#pragma warning disable CA1031 // Whatever stops the model from loading is reported as the one line the operator sees.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return $"model cannot be served: {FirstLine(exception.Message)}";
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => $"invalid configuration: {string.Join("; ", invalid.Failures)}",
        // The configuration binder reports values it cannot convert (e.g. an unknown accelerator) this way.
        _ => $"invalid configuration: {FirstLine(exception.Message)}",
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
