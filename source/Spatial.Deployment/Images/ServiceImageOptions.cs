using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Images;

/// <summary>What goes into the service image and onto its labels.</summary>
/// <param name="Run">The run building it; the image carries its label.</param>
/// <param name="RepositoryRoot">The build context: holds <c>artifacts/service</c> (the published service), <c>models/</c> and the Dockerfile.</param>
/// <param name="Version">Release version, e.g. <c>1.4.0</c> (OCI version label and tag).</param>
/// <param name="Revision">Full source revision (git commit), for the OCI revision label; its first 7 characters go into the tag.</param>
/// <param name="ModelName">Name of the model baked in.</param>
/// <param name="ModelVersion">Version of the model baked in.</param>
/// <param name="Created">Build time, for the OCI created label.</param>
public sealed record ServiceImageOptions(
    DockerRun Run, string RepositoryRoot, string Version, string Revision, string ModelName, string ModelVersion, DateTimeOffset Created)
{
    /// <summary>Image repository; the tag is <c>&lt;version&gt;-&lt;short revision&gt;</c>.</summary>
    public string Repository { get; init; } = DefaultRepository;

    /// <summary>Where service images are tagged unless a caller says otherwise.</summary>
    public const string DefaultRepository = "spatial/classifier";

    /// <summary>Dockerfile relative to <see cref="RepositoryRoot"/>.</summary>
    public string Dockerfile { get; init; } = "docker/service/Dockerfile";

    /// <summary>Runtime base image; null keeps the Dockerfile's default (the official runtime-deps image, which needs a registry).</summary>
    public string? RuntimeBase { get; init; }
}
