using System.Globalization;
using System.Text;
using Spatial.Deployment.Environments;

namespace Spatial.Deployment.Compose;

/// <summary>
/// Renders a docker-compose file (format 2.4, which Debian's docker-compose 1.29 and Compose v2 both read) with one
/// service per environment, from the environment definitions: for users who prefer <c>docker-compose up</c>. It runs
/// one replica per environment with the environment's limits and no gateway; the pipeline's hosts run the full shape
/// (replicas behind the gateway).
/// </summary>
public static class ComposeFile
{
    /// <summary>The environment variable that picks the image tag at <c>docker-compose up</c> time.</summary>
    public const string ImageTagVariable = "SPATIAL_IMAGE_TAG";

    /// <summary>The label naming the environment a container serves.</summary>
    public const string EnvironmentLabel = "org.spatial.environment";

    /// <summary>The whole file, deterministic for the same inputs.</summary>
    /// <param name="environments">The environments, in the order their services are written.</param>
    /// <param name="imageRepository">The service image repository, e.g. <c>spatial/classifier</c>.</param>
    /// <param name="header">Comment lines written first (without the leading '#').</param>
    public static string Render(IEnumerable<DeploymentEnvironment> environments, string imageRepository, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header)
            text.AppendLine(line.Length == 0 ? "#" : "# " + line);
        text.AppendLine("version: \"2.4\"");
        text.AppendLine("services:");
        foreach (var environment in environments)
        {
            var shape = environment.Service;
            text.AppendLine(CultureInfo.InvariantCulture, $"  classifier-{environment.Name}:");
            text.AppendLine(CultureInfo.InvariantCulture, $"    image: \"{imageRepository}:${{{ImageTagVariable}:?set {ImageTagVariable} to the tag DockerBuild printed}}\"");
            // Ports on loopback only: nothing outside the machine reaches a service it did not ask for.
            text.AppendLine("    ports:");
            text.AppendLine(CultureInfo.InvariantCulture, $"      - \"127.0.0.1:{shape.HostPort}:{ServiceShape.ContainerPort}\"");
            text.AppendLine(CultureInfo.InvariantCulture, $"    mem_limit: {shape.MemoryLimitBytes}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    memswap_limit: {shape.MemoryLimitBytes}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    cpus: {shape.Cpus}");
            text.AppendLine("    read_only: true");
            text.AppendLine("    tmpfs:");
            text.AppendLine("      - /tmp");
            text.AppendLine("    restart: unless-stopped");
            text.AppendLine("    labels:");
            text.AppendLine(CultureInfo.InvariantCulture, $"      {EnvironmentLabel}: \"{environment.Name}\"");
        }
        return text.ToString();
    }
}
