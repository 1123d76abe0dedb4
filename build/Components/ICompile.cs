using Spatial.Build;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;

/// <summary>Compiles the solution (the build project itself is excluded from the solution build).</summary>
interface ICompile : IRestore, IHazConfiguration
{
    Target Compile => _ => _
        .Description("Compile the solution")
        .DependsOn(Restore)
        .Executes(() => DotNetTasks.DotNetBuild(s => s
            .Apply(CompileSettingsBase)
            .Apply(CompileSettings)));

    /// <summary>The component's own choices: restore again only when Restore did not just succeed.</summary>
    sealed Configure<DotNetBuildSettings> CompileSettingsBase => _ => _
        .SetProjectFile(Solution)
        .SetConfiguration(Configuration)
        .SetNoRestore(SucceededTargets.Contains(Restore));

    /// <summary>Override to add a build's own settings; applied after the base.</summary>
    Configure<DotNetBuildSettings> CompileSettings => _ => _;
}
