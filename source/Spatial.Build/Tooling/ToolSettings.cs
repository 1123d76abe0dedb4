using System.Collections.Immutable;

namespace Spatial.Build.Tooling;

/// <summary>Base of tool settings: process options plus the tool's own arguments. Fluent <c>Set*</c> methods return modified copies.</summary>
public abstract class ToolSettings
{
    /// <summary>The executable; the tool's default (looked up on PATH) when null.</summary>
    public string? ProcessToolPath { get; internal set; }

    public string? ProcessWorkingDirectory { get; internal set; }

    /// <summary>Variables added to (or overriding) the inherited environment.</summary>
    public ImmutableDictionary<string, string> ProcessEnvironmentVariables { get; internal set; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Timeout in milliseconds; the process tree is killed when it expires.</summary>
    public int? ProcessExecutionTimeout { get; internal set; }

    public bool? ProcessLogOutput { get; internal set; }

    public bool? ProcessLogInvocation { get; internal set; }

    /// <summary>Decides what a finished process means; by default a non-zero exit code fails.</summary>
    public Action<ToolSettings, IProcess>? ProcessExitHandler { get; internal set; }

    /// <summary>Arguments appended after the tool's own.</summary>
    public ImmutableList<string> ProcessAdditionalArguments { get; internal set; } = [];

    /// <summary>The executable used when <see cref="ProcessToolPath"/> is not set.</summary>
    public abstract string DefaultToolPath { get; }

    /// <summary>The tool path that will run.</summary>
    public string ToolPath => ProcessToolPath ?? DefaultToolPath;

    /// <summary>The full argument list.</summary>
    public Arguments GetArguments()
    {
        var arguments = new Arguments();
        ConfigureArguments(arguments);
        foreach (var extra in ProcessAdditionalArguments)
            arguments.Add(extra);
        return arguments;
    }

    /// <summary>Adds the tool's own arguments.</summary>
    protected abstract void ConfigureArguments(Arguments arguments);

    /// <summary>A shallow copy; collections are immutable, so copies never share changes.</summary>
    internal T Copy<T>() where T : ToolSettings => (T)MemberwiseClone();
}
