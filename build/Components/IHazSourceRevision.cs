using Spatial.Build;
using Spatial.Build.Tooling;

/// <summary>The commit being built: stamped into images and model manifests.</summary>
interface IHazSourceRevision : INukeBuild
{
    /// <summary>The full commit id of HEAD.</summary>
    string SourceRevision()
    {
        using var git = ProcessTasks.StartProcess("git", "rev-parse HEAD", RootDirectory, logOutput: false, logInvocation: false);
        git.AssertZeroExitCode();
        return git.Output.First().Text.Trim();
    }
}
