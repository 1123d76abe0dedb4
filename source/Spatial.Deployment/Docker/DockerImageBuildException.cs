namespace Spatial.Deployment.Docker;

/// <summary>The engine refused or failed a build; <see cref="Output"/> holds everything it printed.</summary>
public sealed class DockerImageBuildException(string message, string output) : Exception(message)
{
    /// <summary>The build's output, as streamed.</summary>
    public string Output { get; } = output;
}
