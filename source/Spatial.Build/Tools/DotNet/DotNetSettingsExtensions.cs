using static Spatial.Build.Tooling.ToolSettingsExtensions;

namespace Spatial.Build.Tools.DotNet;

/// <summary>NUKE-style fluent setters for the dotnet settings; each returns a modified copy.</summary>
public static class DotNetSettingsExtensions
{
    public static T SetProjectFile<T>(this T settings, string? projectFile) where T : DotNetSettings => Modify(settings, x => x.ProjectFile = projectFile);

    public static T SetConfiguration<T>(this T settings, string? configuration) where T : DotNetSettings => Modify(settings, x => x.Configuration = configuration);

    public static T SetFramework<T>(this T settings, string? framework) where T : DotNetSettings => Modify(settings, x => x.Framework = framework);

    public static T SetRuntime<T>(this T settings, string? runtime) where T : DotNetSettings => Modify(settings, x => x.Runtime = runtime);

    public static T SetVerbosity<T>(this T settings, DotNetVerbosity? verbosity) where T : DotNetSettings => Modify(settings, x => x.Verbosity = verbosity);

    public static T EnableNoLogo<T>(this T settings) where T : DotNetSettings => Modify(settings, x => x.NoLogo = true);

    /// <summary>Sets an MSBuild property (<c>-p:Name=Value</c>).</summary>
    public static T SetProperty<T>(this T settings, string name, object value) where T : DotNetSettings =>
        Modify(settings, x => x.Properties = x.Properties.SetItem(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));

    public static DotNetBuildSettings EnableNoRestore(this DotNetBuildSettings settings) => Modify(settings, x => x.NoRestore = true);

    public static DotNetTestSettings EnableNoRestore(this DotNetTestSettings settings) => Modify(settings, x => x.NoRestore = true);

    public static DotNetPublishSettings EnableNoRestore(this DotNetPublishSettings settings) => Modify(settings, x => x.NoRestore = true);

    public static DotNetTestSettings EnableNoBuild(this DotNetTestSettings settings) => Modify(settings, x => x.NoBuild = true);

    /// <summary><c>--no-restore</c> when true: <c>.SetNoRestore(SucceededTargets.Contains(Restore))</c>.</summary>
    public static DotNetBuildSettings SetNoRestore(this DotNetBuildSettings settings, bool? noRestore) => Modify(settings, x => x.NoRestore = noRestore);

    public static DotNetTestSettings SetNoRestore(this DotNetTestSettings settings, bool? noRestore) => Modify(settings, x => x.NoRestore = noRestore);

    public static DotNetPublishSettings SetNoRestore(this DotNetPublishSettings settings, bool? noRestore) => Modify(settings, x => x.NoRestore = noRestore);

    /// <summary><c>--no-build</c> when true: <c>.SetNoBuild(SucceededTargets.Contains(Compile))</c>.</summary>
    public static DotNetTestSettings SetNoBuild(this DotNetTestSettings settings, bool? noBuild) => Modify(settings, x => x.NoBuild = noBuild);

    public static DotNetPublishSettings SetNoBuild(this DotNetPublishSettings settings, bool? noBuild) => Modify(settings, x => x.NoBuild = noBuild);

    public static DotNetPublishSettings EnableNoBuild(this DotNetPublishSettings settings) => Modify(settings, x => x.NoBuild = true);

    public static DotNetBuildSettings SetOutput(this DotNetBuildSettings settings, string? output) => Modify(settings, x => x.Output = output);

    public static DotNetPublishSettings SetOutput(this DotNetPublishSettings settings, string? output) => Modify(settings, x => x.Output = output);

    public static DotNetBuildSettings SetSelfContained(this DotNetBuildSettings settings, bool? selfContained) => Modify(settings, x => x.SelfContained = selfContained);

    public static DotNetPublishSettings SetSelfContained(this DotNetPublishSettings settings, bool? selfContained) => Modify(settings, x => x.SelfContained = selfContained);

    public static DotNetTestSettings SetFilter(this DotNetTestSettings settings, string? filter) => Modify(settings, x => x.Filter = filter);

    public static DotNetTestSettings AddLoggers(this DotNetTestSettings settings, params string[] loggers) => Modify(settings, x => x.Loggers = x.Loggers.AddRange(loggers));

    public static DotNetTestSettings SetResultsDirectory(this DotNetTestSettings settings, string? directory) => Modify(settings, x => x.ResultsDirectory = directory);
}
