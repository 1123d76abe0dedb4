namespace Spatial.Deployment.Hosting;

/// <summary>What the pipeline built, from which a host prepares a <see cref="Releases.Release"/> it can run.</summary>
/// <param name="SourceCommit">The commit it was built from.</param>
/// <param name="ModelDirectory">The registered model version's folder (manifest and weights).</param>
/// <param name="ModelName">Registered model name.</param>
/// <param name="ModelVersion">Registered model version.</param>
/// <param name="PublishedService">The published service folder (the process host runs it).</param>
/// <param name="PublishedGateway">The published gateway folder (the process host runs it).</param>
/// <param name="ServiceImage">The service image tag (the Docker host runs it); null where none was built.</param>
/// <param name="GatewayImage">The gateway image tag (the Docker host runs it); null where none was built.</param>
public sealed record ReleaseCandidate(
    string SourceCommit,
    string ModelDirectory,
    string ModelName,
    string ModelVersion,
    string PublishedService,
    string PublishedGateway,
    string? ServiceImage,
    string? GatewayImage);
