namespace Spatial.Gateway.Pool;

/// <summary>One generation of the pool.</summary>
/// <param name="Generation">Increases by one with every swap.</param>
/// <param name="Destinations">The replicas' base addresses.</param>
/// <param name="Label">What the deployer called this pool (a release id), or null.</param>
public sealed record PoolSnapshot(long Generation, IReadOnlyList<Uri> Destinations, string? Label);
