namespace Spatial.Deployment.Environments;

/// <summary>What an environment promises its clients: the gates of stage 6 and of stage 8's analysis.</summary>
/// <param name="P95">Highest acceptable 95th-percentile latency.</param>
/// <param name="P99">Highest acceptable 99th-percentile latency.</param>
/// <param name="MaxErrorRate">Highest acceptable fraction of failed requests (0.01 = 1 %).</param>
/// <param name="MinThroughput">Lowest acceptable rate of successful requests per second.</param>
public sealed record ServiceLevelObjectives(TimeSpan P95, TimeSpan P99, double MaxErrorRate, double MinThroughput);
