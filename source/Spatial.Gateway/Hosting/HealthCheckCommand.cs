using Spatial.Gateway.Apis;
using Spatial.Gateway.Options;

namespace Spatial.Gateway.Hosting;

/// <summary><c>Spatial.Gateway --healthcheck</c>: probes the running gateway's readiness on its loopback admin port; exit 0 or 1 (a container's HEALTHCHECK).</summary>
public static class HealthCheckCommand
{
    /// <summary>The switch that selects this mode.</summary>
    public const string Switch = "--healthcheck";

    /// <summary>Whether <paramref name="args"/> ask for the health check.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args.Contains(Switch, StringComparer.Ordinal);

    /// <summary>Probes readiness; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = WebApplication.CreateBuilder(args.Where(a => a != Switch).ToArray()).Configuration;
        var options = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var uri = new Uri($"http://127.0.0.1:{options.AdminPort}{AdminEndpoint.ReadyPath}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(uri);
            await output.WriteLineAsync($"{(response.IsSuccessStatusCode ? "healthy" : "unhealthy")}: {uri} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: {uri} did not answer: {e.Message}");
            return 1;
        }
    }
}
