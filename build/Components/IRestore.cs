using Spatial.Build;
using Spatial.Build.Tools.DotNet;

/// <summary>Restores the solution's packages.</summary>
interface IRestore : IHazSolution
{
    Target Restore => _ => _
        .Description("Restore NuGet packages of the solution")
        .Executes(() => DotNetTasks.DotNetRestore(s => s.SetProjectFile(Solution)));
}
