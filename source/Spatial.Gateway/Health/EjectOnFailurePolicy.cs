using Microsoft.Extensions.Options;
using Spatial.Gateway.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Spatial.Gateway.Health;

/// <summary>
/// Passive health: a destination that fails to take a request (connection refused or reset, no response) is ejected at
/// once for the reactivation period. A killed replica costs the requests in flight to it, not a failure rate's worth.
/// </summary>
public sealed class EjectOnFailurePolicy(IDestinationHealthUpdater health, IOptions<GatewayOptions> options) : IPassiveHealthCheckPolicy
{
    /// <summary>The name clusters select this policy by.</summary>
    public const string PolicyName = "EjectOnFailure";

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.GetForwarderErrorFeature() is not { } error || !IsDestinationFault(error.Error))
            return;
        var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(options.Value.EjectionSeconds);
        health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
    }

    /// <summary>Faults of the destination, not of the client (a client that hangs up is no reason to eject a replica).</summary>
    internal static bool IsDestinationFault(ForwarderError error) =>
        error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination;
}
