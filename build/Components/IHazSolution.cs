using Spatial.Build;
using Spatial.Build.ProjectModel;

/// <summary>The solution every .NET step works on: the file named by "Solution" in .nuke/parameters.json.</summary>
interface IHazSolution : INukeBuild
{
    [Solution]
    Solution Solution => TryGetValue(() => Solution)
        ?? throw new BuildFailedException("No solution: name it with \"Solution\": \"<file>.sln\" in .nuke/parameters.json.");
}
