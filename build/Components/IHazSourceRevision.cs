using Spatial.Build;
using Spatial.Build.Git;

/// <summary>The commit being built: stamped into images and model manifests.</summary>
interface IHazSourceRevision : INukeBuild
{
    /// <summary>Branch, commit and remote of the working tree; null outside a git clone.</summary>
    [GitRepository]
    GitRepository? Repository => TryGetValue(() => Repository);

    /// <summary>The full commit id of HEAD.</summary>
    string SourceRevision() => Repository?.Commit
        ?? throw new BuildFailedException($"{RootDirectory} is not a git working tree: the source revision stamped into images and models comes from its HEAD.");
}
