namespace Spatial.Deployment.Environments;

/// <summary>The load stage 6 sends to an environment: an open model at a constant arrival rate, bounded in time.</summary>
/// <param name="RequestsPerSecond">Arrival rate asked of the generator.</param>
/// <param name="Duration">How long the measured phase lasts.</param>
/// <param name="Warmup">How long the unmeasured warm-up before it lasts.</param>
/// <param name="MaxConnections">Connections the generator may open at most.</param>
public sealed record LoadProfile(double RequestsPerSecond, TimeSpan Duration, TimeSpan Warmup, int MaxConnections);
