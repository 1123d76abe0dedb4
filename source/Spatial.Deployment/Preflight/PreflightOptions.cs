namespace Spatial.Deployment.Preflight;

/// <summary>Where stage 1 looks.</summary>
/// <param name="RepositoryRoot">The repository (global.json, disk to measure).</param>
/// <param name="DockerEndpoint">The Docker engine's endpoint, e.g. unix:///var/run/docker.sock.</param>
/// <param name="TrivyPath">Trivy's executable name or path.</param>
/// <param name="ProbeTimeout">How long one probe may take.</param>
public sealed record PreflightOptions(string RepositoryRoot, Uri DockerEndpoint, string TrivyPath, TimeSpan ProbeTimeout)
{
    /// <summary>Where <see cref="TrivyPath"/> came from (--trivy-path, PATH, the pinned npm build), for the report.</summary>
    public string? TrivyOrigin { get; init; }
}
