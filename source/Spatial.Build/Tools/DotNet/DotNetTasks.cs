using Spatial.Build.Tooling;

namespace Spatial.Build.Tools.DotNet;

/// <summary>Runs the dotnet CLI; a non-zero exit code fails the build unless the settings give another exit handler.</summary>
public static class DotNetTasks
{
    public static IReadOnlyCollection<Output> DotNetRestore(Configure<DotNetRestoreSettings>? configurator = null) =>
        ProcessTasks.Run(new DotNetRestoreSettings().Apply(configurator));

    public static IReadOnlyCollection<Output> DotNetBuild(Configure<DotNetBuildSettings>? configurator = null) =>
        ProcessTasks.Run(new DotNetBuildSettings().Apply(configurator));

    public static IReadOnlyCollection<Output> DotNetTest(Configure<DotNetTestSettings>? configurator = null) =>
        ProcessTasks.Run(new DotNetTestSettings().Apply(configurator));

    public static IReadOnlyCollection<Output> DotNetPublish(Configure<DotNetPublishSettings>? configurator = null) =>
        ProcessTasks.Run(new DotNetPublishSettings().Apply(configurator));

    /// <summary>Runs <c>dotnet</c> with a raw argument string; fails on a non-zero exit code.</summary>
    public static IReadOnlyCollection<Output> DotNet(string arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environmentVariables = null, int? timeout = null, bool? logOutput = null)
    {
        using var process = ProcessTasks.StartProcess("dotnet", arguments, workingDirectory, environmentVariables, timeout, logOutput);
        process.AssertZeroExitCode();
        return process.Output;
    }
}
