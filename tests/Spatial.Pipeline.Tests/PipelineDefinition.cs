using Spatial.Build;
using Spatial.Build.CI.GitHubActions;
using Spatial.Build.IO;

namespace Spatial.Tests.Pipeline;

/// <summary>The real pipeline build (internal to the build project, so reached by name) and the repository it lives in.</summary>
internal static class PipelineDefinition
{
    public const string Workflow = "spatial-deployment-pipeline";
    public const string GeneratorId = "GitHubActions_" + Workflow;
    public const string Regenerate = "./build.sh --generate-configuration " + GeneratorId;

    public static Type BuildType { get; } = Type.GetType("Build, _build", throwOnError: true)!;

    public static NukeBuild CreateBuild() => (NukeBuild)Activator.CreateInstance(BuildType, nonPublic: true)!;

    public static IReadOnlyList<GitHubActionsJobAttribute> JobDeclarations =>
        BuildType.GetCustomAttributes(typeof(GitHubActionsJobAttribute), inherit: true).Cast<GitHubActionsJobAttribute>().Where(x => x.Workflow == Workflow).ToList();

    public static AbsolutePath RepositoryRoot { get; } = FindRoot();

    public static AbsolutePath CommittedWorkflow => RepositoryRoot / ".github" / "workflows" / (Workflow + ".yml");

    private static AbsolutePath FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spatial.sln")))
                return AbsolutePath.Create(directory.FullName);
        }

        throw new InvalidOperationException($"No Spatial.sln at or above {TestContext.CurrentContext.TestDirectory}.");
    }
}
