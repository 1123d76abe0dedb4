namespace Spatial.Deployment.Docker;

/// <summary>What the engine reports about an image.</summary>
/// <param name="Id">Image id (<c>sha256:…</c>).</param>
/// <param name="Tags">Repository tags pointing at it.</param>
/// <param name="SizeBytes">Size with all layers.</param>
/// <param name="User">The configured user (<c>USER</c>), empty for root.</param>
/// <param name="Labels">Image labels.</param>
/// <param name="Healthcheck">The <c>HEALTHCHECK</c> test, e.g. <c>["CMD", "/app/svc", "--healthcheck"]</c>; empty when none.</param>
/// <param name="Entrypoint">The configured entrypoint.</param>
/// <param name="ExposedPorts">Exposed ports, e.g. <c>8080/tcp</c>.</param>
public sealed record DockerImageDetails(
    string Id,
    IReadOnlyList<string> Tags,
    long SizeBytes,
    string User,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Healthcheck,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> ExposedPorts);
