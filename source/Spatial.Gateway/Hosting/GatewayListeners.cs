using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Spatial.Gateway.Options;

namespace Spatial.Gateway.Hosting;

/// <summary>
/// Kestrel's two listeners. The public one honours ASP.NET Core's conventions (<c>ASPNETCORE_URLS</c> / <c>--urls</c>,
/// then <c>ASPNETCORE_HTTP_PORTS</c>, default <c>http://127.0.0.1:8080</c>); the admin one is always 127.0.0.1.
/// Both are configured here because Kestrel ignores the URL settings once any listener is configured in code.
/// </summary>
public static class GatewayListeners
{
    /// <summary>The public endpoints: address and port per URL.</summary>
    public static IReadOnlyList<IPEndPoint> PublicEndpoints(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseUrl).ToList();
        if (configuration["http_ports"] is { Length: > 0 } ports)
            return ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => new IPEndPoint(IPAddress.Any, int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return [new IPEndPoint(IPAddress.Loopback, 8080)];
    }

    /// <summary>Listens on the public endpoints and on the loopback admin port.</summary>
    public static void Configure(KestrelServerOptions kestrel, IConfiguration configuration, GatewayOptions options)
    {
        kestrel.AddServerHeader = false;
        foreach (var endpoint in PublicEndpoints(configuration))
        {
            if (endpoint.Port == options.AdminPort)
                throw new InvalidOperationException($"the public listener {endpoint} uses the admin port {options.AdminPort}");
            kestrel.Listen(endpoint);
        }
        kestrel.Listen(IPAddress.Loopback, options.AdminPort);
    }

    private static IPEndPoint ParseUrl(string url)
    {
        // Kestrel's own spellings of "every address": http://*:80, http://+:80, http://0.0.0.0:80.
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new InvalidOperationException($"'{url}' is not an http:// URL the gateway can listen on");
        var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host.Trim('[', ']'));
        return new IPEndPoint(address, uri.Port);
    }
}
