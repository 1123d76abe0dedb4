using System.Collections.Immutable;
using Spatial.Build.Tooling;

namespace Spatial.Build.Tools.DotNet;

/// <summary>Options shared by the dotnet commands; each command renders the ones it supports.</summary>
public abstract class DotNetSettings : ToolSettings
{
    public override string DefaultToolPath => "dotnet";

    /// <summary>Project or solution file (or folder).</summary>
    public string? ProjectFile { get; internal set; }

    public string? Configuration { get; internal set; }

    public string? Framework { get; internal set; }

    public string? Runtime { get; internal set; }

    public DotNetVerbosity? Verbosity { get; internal set; }

    public bool? NoLogo { get; internal set; }

    /// <summary>MSBuild properties passed as <c>-p:Name=Value</c>.</summary>
    public ImmutableDictionary<string, string> Properties { get; internal set; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The dotnet command, e.g. <c>build</c>.</summary>
    protected abstract string Command { get; }

    protected override void ConfigureArguments(Arguments arguments)
    {
        arguments.Add(Command);
        if (ProjectFile is not null)
            arguments.Add(ProjectFile);
        ConfigureCommandArguments(arguments);
        arguments.Add("--verbosity {value}", Verbosity?.Value);
        arguments.Add("--nologo", NoLogo);
        foreach (var (name, value) in Properties.OrderBy(x => x.Key, StringComparer.Ordinal))
            arguments.Add($"-p:{name}={value}");
    }

    /// <summary>Adds the options specific to the command.</summary>
    protected abstract void ConfigureCommandArguments(Arguments arguments);

    /// <summary>What is built: configuration, framework and runtime, as build, test and publish take them.</summary>
    protected Arguments AddBuildTarget(Arguments arguments) => arguments
        .Add("--configuration {value}", Configuration)
        .Add("--framework {value}", Framework)
        .Add("--runtime {value}", Runtime);
}

/// <summary>Settings of <c>dotnet restore</c>.</summary>
public sealed class DotNetRestoreSettings : DotNetSettings
{
    protected override string Command => "restore";

    protected override void ConfigureCommandArguments(Arguments arguments) =>
        arguments.Add("--runtime {value}", Runtime);
}

/// <summary>Settings of <c>dotnet build</c>.</summary>
public sealed class DotNetBuildSettings : DotNetSettings
{
    public bool? NoRestore { get; internal set; }

    public string? Output { get; internal set; }

    public bool? SelfContained { get; internal set; }

    protected override string Command => "build";

    protected override void ConfigureCommandArguments(Arguments arguments) => AddBuildTarget(arguments)
        .Add("--output {value}", Output)
        .Add("--no-restore", NoRestore)
        .Add("--self-contained {value}", SelfContained);
}

/// <summary>Settings of <c>dotnet test</c>.</summary>
public sealed class DotNetTestSettings : DotNetSettings
{
    public bool? NoRestore { get; internal set; }

    public bool? NoBuild { get; internal set; }

    public string? Filter { get; internal set; }

    public ImmutableList<string> Loggers { get; internal set; } = [];

    public string? ResultsDirectory { get; internal set; }

    protected override string Command => "test";

    protected override void ConfigureCommandArguments(Arguments arguments)
    {
        AddBuildTarget(arguments)
            .Add("--no-restore", NoRestore)
            .Add("--no-build", NoBuild)
            .Add("--filter {value}", Filter)
            .Add("--results-directory {value}", ResultsDirectory);
        foreach (var logger in Loggers)
            arguments.Add("--logger {value}", logger);
    }
}

/// <summary>Settings of <c>dotnet publish</c>.</summary>
public sealed class DotNetPublishSettings : DotNetSettings
{
    public bool? NoRestore { get; internal set; }

    public bool? NoBuild { get; internal set; }

    public string? Output { get; internal set; }

    public bool? SelfContained { get; internal set; }

    protected override string Command => "publish";

    protected override void ConfigureCommandArguments(Arguments arguments) => AddBuildTarget(arguments)
        .Add("--output {value}", Output)
        .Add("--no-restore", NoRestore)
        .Add("--no-build", NoBuild)
        .Add("--self-contained {value}", SelfContained);
}
