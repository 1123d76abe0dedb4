namespace Spatial.Gateway.Apis;

/// <summary>Body of <c>PUT /admin/pool</c>: the whole new pool.</summary>
/// <param name="Destinations">The replicas' base addresses (absolute http://).</param>
/// <param name="Label">A name for the pool, e.g. the release id it serves.</param>
public sealed record PoolRequest(IReadOnlyList<string>? Destinations, string? Label);

/// <summary>The pool as <c>GET /admin/pool</c> and <c>PUT /admin/pool</c> answer it.</summary>
/// <param name="Generation">Increases with every swap.</param>
/// <param name="Label">The pool's name.</param>
/// <param name="Destinations">Each destination and its health as the gateway sees it.</param>
public sealed record PoolResponse(long Generation, string? Label, IReadOnlyList<DestinationResponse> Destinations);

/// <summary>One destination.</summary>
/// <param name="Address">Its base address.</param>
/// <param name="Active">Active health: Unknown, Healthy or Unhealthy.</param>
/// <param name="Passive">Passive health: Unknown, Healthy or Unhealthy.</param>
public sealed record DestinationResponse(string Address, string Active, string Passive);
