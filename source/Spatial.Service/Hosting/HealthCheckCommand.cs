using Spatial.Service.Options;

namespace Spatial.Service.Hosting;

/// <summary>
/// <c>Spatial.Service --healthcheck</c>: asks the running service on this machine for its readiness and exits
/// 0 when ready, 1 otherwise, so a container needs no separate probe binary. It reads the same configuration
/// as the service to find the port (ASP.NET Core's endpoint settings first, then Spatial:Server).
/// </summary>
public static class HealthCheckCommand
{
    /// <summary>The command-line switch that selects this mode.</summary>
    public const string Switch = "--healthcheck";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="args"/> ask for the health check instead of the service.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args.Contains(Switch, StringComparer.Ordinal);

    /// <summary>Probes readiness; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = WebApplication.CreateBuilder(args.Where(arg => arg != Switch).ToArray()).Configuration;
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        if (ListenEndpoints.LocalBase(configuration, server) is not { } local)
        {
            await output.WriteLineAsync("unhealthy: Spatial:Server:Port is 0 (a random port); the health check needs the real port").ConfigureAwait(false);
            return 1;
        }

        var uri = new Uri(local, EndpointMapping.ReadyPath);
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(uri).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var healthy = response.IsSuccessStatusCode;
            await output.WriteLineAsync($"{(healthy ? "healthy" : "unhealthy")}: {uri} answered {(int)response.StatusCode} {body}").ConfigureAwait(false);
            return healthy ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: {uri} did not answer: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
