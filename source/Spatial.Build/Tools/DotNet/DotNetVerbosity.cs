namespace Spatial.Build.Tools.DotNet;

/// <summary>MSBuild verbosity for dotnet commands.</summary>
public class DotNetVerbosity : Enumeration
{
    public static readonly DotNetVerbosity Quiet = new() { Value = "quiet" };
    public static readonly DotNetVerbosity Minimal = new() { Value = "minimal" };
    public static readonly DotNetVerbosity Normal = new() { Value = "normal" };
    public static readonly DotNetVerbosity Detailed = new() { Value = "detailed" };
    public static readonly DotNetVerbosity Diagnostic = new() { Value = "diagnostic" };
}
