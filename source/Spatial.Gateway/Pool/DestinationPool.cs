using Microsoft.Extensions.Options;
using Spatial.Gateway.Health;
using Spatial.Gateway.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Spatial.Gateway.Pool;

/// <summary>
/// The replicas the gateway routes to. <see cref="Replace"/> swaps the whole pool in one step: YARP applies a new
/// configuration atomically, and requests already proxied finish on the destination they started on.
/// </summary>
public sealed class DestinationPool
{
    /// <summary>The one cluster every request goes to.</summary>
    public const string ClusterId = "replicas";

    private readonly Lock _gate = new();
    private readonly GatewayOptions _options;
    private readonly InMemoryConfigProvider _provider;
    private PoolSnapshot _current;

    /// <summary>The pool as configured at start-up.</summary>
    public DestinationPool(IOptions<GatewayOptions> options, InMemoryConfigProvider provider)
    {
        _options = options.Value;
        _provider = provider;
        _current = new PoolSnapshot(0, _options.Destinations.Select(Parse).ToList(), null);
        _provider.Update(Routes(), [Cluster(_current.Destinations)]);
    }

    /// <summary>What the gateway routes to now.</summary>
    public PoolSnapshot Current
    {
        get
        {
            lock (_gate)
                return _current;
        }
    }

    /// <summary>Replaces every destination at once; <paramref name="label"/> names the pool (e.g. a release id) for the admin endpoint.</summary>
    public PoolSnapshot Replace(IReadOnlyList<Uri> destinations, string? label)
    {
        lock (_gate)
        {
            _current = new PoolSnapshot(_current.Generation + 1, destinations, label);
            _provider.Update(Routes(), [Cluster(destinations)]);
            return _current;
        }
    }

    /// <summary>The YARP configuration the gateway starts with (replaced right away by the constructor's).</summary>
    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Empty() => (Routes(), []);

    private static IReadOnlyList<RouteConfig> Routes() =>
    [
        new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**path}" } },
    ];

    private ClusterConfig Cluster(IReadOnlyList<Uri> destinations) => new()
    {
        ClusterId = ClusterId,
        // CPU-bound inference: the less loaded of two random replicas (least requests without a global scan).
        LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
        Destinations = destinations.Select((address, index) => (address, index))
            .ToDictionary(d => DestinationId(d.address), d => new DestinationConfig { Address = d.address.AbsoluteUri }),
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(_options.HealthIntervalSeconds),
                Timeout = TimeSpan.FromSeconds(Math.Max(1, _options.HealthIntervalSeconds)),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = _options.HealthPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = EjectOnFailurePolicy.PolicyName,
                ReactivationPeriod = TimeSpan.FromSeconds(_options.EjectionSeconds),
            },
            // Never route to nothing: when every destination looks unhealthy, try them all rather than answer 503 outright.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
        Metadata = new Dictionary<string, string> { [ConsecutiveFailuresThresholdKey] = "2" },
    };

    /// <summary>The destination id of an address: the address itself, so metrics and the admin endpoint name replicas the same way.</summary>
    public static string DestinationId(Uri address) => address.Authority;

    private const string ConsecutiveFailuresThresholdKey = "ConsecutiveFailuresHealthPolicy.Threshold";

    private static Uri Parse(string text) => DestinationAddress.TryParse(text, out var address)
        ? address
        : throw new ArgumentException($"'{text}' is not an absolute http:// address", nameof(text));
}
