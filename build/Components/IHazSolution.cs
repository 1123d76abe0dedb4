using Spatial.Build;
using Spatial.Build.IO;

/// <summary>The solution every .NET step works on.</summary>
interface IHazSolution : INukeBuild
{
    AbsolutePath Solution => RootDirectory / "Spatial.sln";
}
