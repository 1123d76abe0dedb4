namespace Spatial.Deployment.Docker;

/// <summary>What to build: a context directory, the Dockerfile in it, tags, build arguments and labels.</summary>
/// <param name="Run">The run the image belongs to; its label is added to <see cref="Labels"/>.</param>
/// <param name="ContextDirectory">The directory sent to the engine, filtered by its <c>.dockerignore</c>.</param>
/// <param name="Tags">Names for the image, e.g. <c>spatial/classifier:1.2.0-abc1234</c>; at least one.</param>
public sealed record ImageBuildRequest(DockerRun Run, string ContextDirectory, IReadOnlyList<string> Tags)
{
    /// <summary>Dockerfile path relative to <see cref="ContextDirectory"/>.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>Values for the Dockerfile's <c>ARG</c>s.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels set on the image in addition to the run label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Ignore the engine's layer cache.</summary>
    public bool NoCache { get; init; }
}
