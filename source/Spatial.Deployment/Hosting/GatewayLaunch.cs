using System.Globalization;

namespace Spatial.Deployment.Hosting;

/// <summary>
/// What every host gives a gateway it starts: its two loopback ports (free ones when the spec says 0, refused when
/// taken), its configuration as environment variables, and the labels that let it be found again.
/// </summary>
/// <param name="Port">The public 127.0.0.1 port.</param>
/// <param name="AdminPort">The admin 127.0.0.1 port.</param>
/// <param name="Environment">ASP.NET Core and gateway settings.</param>
internal sealed record GatewayLaunch(int Port, int AdminPort, Dictionary<string, string> Environment)
{
    /// <summary>The launch of <paramref name="spec"/>'s gateway; throws when a fixed port is already in use.</summary>
    public static GatewayLaunch For(GatewaySpec spec)
    {
        var port = spec.Port == 0 ? FreePort.Pick() : spec.Port;
        var adminPort = spec.AdminPort == 0 ? FreePort.Pick() : spec.AdminPort;
        foreach (var wanted in new[] { port, adminPort }.Where(FreePort.IsListening))
            throw new InvalidOperationException($"127.0.0.1:{wanted} is already in use: the gateway of {spec.Deployment} needs it (stop what listens there, or remove the deployment that holds it)");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Gateway__AdminPort"] = adminPort.ToString(CultureInfo.InvariantCulture),
            ["Gateway__Environment"] = spec.Environment.Name,
        };
        for (var i = 0; i < spec.Destinations.Count; i++)
            environment[$"Gateway__Destinations__{i.ToString(CultureInfo.InvariantCulture)}"] = spec.Destinations[i].AbsoluteUri;
        return new GatewayLaunch(port, adminPort, environment);
    }

    /// <summary>Adds the port labels to <paramref name="labels"/> and returns them.</summary>
    public Dictionary<string, string> Label(Dictionary<string, string> labels)
    {
        labels[HostLabels.GatewayPort] = Port.ToString(CultureInfo.InvariantCulture);
        labels[HostLabels.GatewayAdminPort] = AdminPort.ToString(CultureInfo.InvariantCulture);
        return labels;
    }
}
