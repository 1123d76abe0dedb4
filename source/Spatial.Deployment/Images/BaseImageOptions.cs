using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Images;

/// <summary>Where the base image's recipe lives and where to assemble it.</summary>
/// <param name="Run">The run building it; the image carries its label.</param>
/// <param name="RecipeDirectory">Folder holding <c>packages.txt</c> and the <c>Dockerfile</c> (in the repository: <c>docker/base</c>).</param>
/// <param name="WorkDirectory">Scratch folder for downloads and the root filesystem; emptied before each assembly.</param>
public sealed record BaseImageOptions(DockerRun Run, string RecipeDirectory, string WorkDirectory)
{
    /// <summary>Repository part of the tag; the tag is the first 12 hex digits of the recipe hash.</summary>
    public string Repository { get; init; } = "spatial/base";

    /// <summary>The package list file.</summary>
    public string PackageListFile => Path.Combine(RecipeDirectory, "packages.txt");

    /// <summary>The Dockerfile wrapping the assembled root filesystem.</summary>
    public string DockerfileFile => Path.Combine(RecipeDirectory, "Dockerfile");
}
