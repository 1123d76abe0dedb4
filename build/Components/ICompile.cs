using Spatial.Build;
using Spatial.Build.Tools.DotNet;

/// <summary>Compiles the solution (the build project itself is excluded from the solution build).</summary>
interface ICompile : IRestore, IHazConfiguration
{
    Target Compile => _ => _
        .Description("Compile the solution")
        .DependsOn(Restore)
        .Executes(() => DotNetTasks.DotNetBuild(s => s
            .SetProjectFile(Solution)
            .SetConfiguration(Configuration)
            .EnableNoRestore()));
}
