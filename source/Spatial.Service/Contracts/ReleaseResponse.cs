namespace Spatial.Service.Contracts;

/// <summary>The answer to <c>GET /v1/release</c>: the release this replica serves, read back by every deployment host.</summary>
/// <param name="Id">Release id as the deployer stated it; null outside a deployment.</param>
/// <param name="ServiceBuild">Image id or published-folder hash; null outside a deployment.</param>
/// <param name="SourceCommit">Source commit; null outside a deployment.</param>
/// <param name="CreatedAt">When the release was prepared; null outside a deployment.</param>
/// <param name="Environment">The environment served; null outside a deployment.</param>
/// <param name="Replica">This replica's name; null outside a deployment.</param>
/// <param name="Model">The model actually loaded.</param>
public sealed record ReleaseResponse(
    string? Id, string? ServiceBuild, string? SourceCommit, string? CreatedAt, string? Environment, string? Replica, ReleaseModelResponse Model);

/// <summary>The served model's identity, taken from the loaded package.</summary>
public sealed record ReleaseModelResponse(string Name, string Version, string? ManifestSha256);
