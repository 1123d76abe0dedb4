using System.Net;
using Spatial.Service.Options;

namespace Spatial.Service.Hosting;

/// <summary>
/// Where the server listens. ASP.NET Core's own settings win, as its users, container platforms and PaaS hosts
/// expect: <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>), <c>http_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>) and
/// <c>https_ports</c>. Only where none is set does <c>Spatial:Server</c> choose, and its address defaults to
/// loopback unless the process runs in a container (<c>DOTNET_RUNNING_IN_CONTAINER=true</c>).
/// </summary>
public static class ListenEndpoints
{
    /// <summary>The framework's endpoint settings, by configuration key.</summary>
    public static IReadOnlyList<string> FrameworkKeys { get; } = ["urls", "http_ports", "https_ports"];

    /// <summary>The variable .NET container images set to say the process runs in a container.</summary>
    public const string ContainerVariable = "DOTNET_RUNNING_IN_CONTAINER";

    /// <summary>Whether any of the framework's endpoint settings is set, so Kestrel binds those and the service adds none.</summary>
    public static bool FrameworkConfigured(IConfiguration configuration) =>
        FrameworkKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>Whether the process runs in a container, read as the framework reads it.</summary>
    public static bool RunningInContainer(IConfiguration configuration) =>
        string.Equals(configuration[ContainerVariable], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address <c>Spatial:Server</c> binds: its own when set, else any in a container and loopback elsewhere.</summary>
    public static IPAddress FallbackAddress(ServerOptions server, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.Address is { } address)
            return IPAddress.Parse(address);
        return RunningInContainer(configuration) ? IPAddress.Any : IPAddress.Loopback;
    }

    /// <summary>
    /// The base URI a probe on this machine reaches the service at: the first http URL or port of the framework's
    /// settings, else <c>Spatial:Server</c>'s; null when that port is 0 (random) and so unknown. Wildcard binds are
    /// reached through loopback.
    /// </summary>
    public static Uri? LocalBase(IConfiguration configuration, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(server);
        var url = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (url is not null)
        {
            // Kestrel accepts hosts Uri cannot parse (*, +); they bind every interface, as 0.0.0.0 does.
            var rest = url["http://".Length..];
            var colon = rest.LastIndexOf(':');
            var host = colon > 0 ? rest[..colon] : rest;
            var port = colon > 0 ? rest[(colon + 1)..].TrimEnd('/') : "80";
            return new Uri($"http://{LoopbackFor(host)}:{port}");
        }
        var httpPort = configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (httpPort is not null)
            return new Uri($"http://127.0.0.1:{httpPort}");
        if (server.Port == 0)
            return null;
        return new Uri($"http://{LoopbackFor(FallbackAddress(server, configuration).ToString())}:{server.Port}");
    }

    private static string LoopbackFor(string host) => host switch
    {
        "*" or "+" or "0.0.0.0" or "localhost" => "127.0.0.1",
        "::" or "[::]" => "[::1]",
        var specific when specific.Contains(':', StringComparison.Ordinal) && !specific.StartsWith('[') => $"[{specific}]",
        var specific => specific,
    };
}
