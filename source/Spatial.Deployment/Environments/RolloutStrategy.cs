namespace Spatial.Deployment.Environments;

/// <summary>How stage 8 replaces the release an environment serves.</summary>
public enum RolloutStrategy
{
    /// <summary>Stop every old replica, then start the new ones: brief downtime, least capacity (development).</summary>
    Recreate,

    /// <summary>One replica at a time, each verified before the next; never fewer ready replicas than asked (maxUnavailable 0).</summary>
    Rolling,

    /// <summary>A whole new pool beside the old one, verified through a preview route, then one atomic switch of the gateway.</summary>
    BlueGreen,
}
