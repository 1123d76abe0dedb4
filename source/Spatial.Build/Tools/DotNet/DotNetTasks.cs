using Spatial.Build.Tooling;

namespace Spatial.Build.Tools.DotNet;

/// <summary>Runs the dotnet CLI; a non-zero exit code fails the build unless the settings give another exit handler.</summary>
public static class DotNetTasks
{
    public static IReadOnlyCollection<Output> DotNetRestore(Configure<DotNetRestoreSettings>? configurator = null) =>
        ProcessTasks.Run(Apply(new DotNetRestoreSettings(), configurator));

    public static IReadOnlyCollection<Output> DotNetBuild(Configure<DotNetBuildSettings>? configurator = null) =>
        ProcessTasks.Run(Apply(new DotNetBuildSettings(), configurator));

    public static IReadOnlyCollection<Output> DotNetTest(Configure<DotNetTestSettings>? configurator = null) =>
        ProcessTasks.Run(Apply(new DotNetTestSettings(), configurator));

    public static IReadOnlyCollection<Output> DotNetPublish(Configure<DotNetPublishSettings>? configurator = null) =>
        ProcessTasks.Run(Apply(new DotNetPublishSettings(), configurator));

    /// <summary>Runs <c>dotnet</c> with a raw argument string; fails on a non-zero exit code.</summary>
    public static IReadOnlyCollection<Output> DotNet(string arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environmentVariables = null, int? timeout = null, bool? logOutput = null)
    {
        using var process = ProcessTasks.StartProcess("dotnet", arguments, workingDirectory, environmentVariables, timeout, logOutput);
        process.AssertZeroExitCode();
        return process.Output;
    }

    private static T Apply<T>(T settings, Configure<T>? configurator) where T : ToolSettings => configurator is null ? settings : configurator(settings);
}
