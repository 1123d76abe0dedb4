using Spatial.Build;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;

/// <summary>Restores the solution's packages.</summary>
interface IRestore : IHazSolution
{
    Target Restore => _ => _
        .Description("Restore NuGet packages of the solution")
        .Executes(() => DotNetTasks.DotNetRestore(s => s
            .Apply(RestoreSettingsBase)
            .Apply(RestoreSettings)));

    /// <summary>The component's own choices.</summary>
    sealed Configure<DotNetRestoreSettings> RestoreSettingsBase => _ => _
        .SetProjectFile(Solution);

    /// <summary>Override to add a build's own settings; applied after the base.</summary>
    Configure<DotNetRestoreSettings> RestoreSettings => _ => _;
}
