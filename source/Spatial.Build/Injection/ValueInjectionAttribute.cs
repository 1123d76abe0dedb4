using System.Reflection;
using Spatial.Build.IO;

namespace Spatial.Build.Injection;

/// <summary>Base of attributes that give a member a value the engine computes (<c>[Solution]</c>, <c>[GitRepository]</c>), on the build class or a component interface.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public abstract class ValueInjectionAttribute : Attribute
{
    /// <summary>The value for <paramref name="member"/>, or null when there is none.</summary>
    public abstract object? GetValue(MemberInfo member, InjectionContext context);
}

/// <summary>What an injection attribute can read.</summary>
/// <param name="RootDirectory">The repository root.</param>
/// <param name="EnvironmentVariables">The build's environment.</param>
/// <param name="Host">Where the build runs.</param>
/// <param name="ParameterValue">Text given for the member's name as a parameter (command line, environment, parameters files), if any.</param>
/// <param name="ParameterBaseDirectory">Where a relative <paramref name="ParameterValue"/> resolves: the working directory for the command line and environment, the root for files.</param>
public sealed record InjectionContext(
    AbsolutePath RootDirectory,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    Host Host,
    string? ParameterValue = null,
    string? ParameterBaseDirectory = null)
{
    /// <summary><see cref="ParameterValue"/> as an absolute path.</summary>
    public AbsolutePath? ParameterPath => ParameterValue is not { Length: > 0 } value ? null
        : AbsolutePath.Create(Path.IsPathRooted(value) ? value : Path.Combine(ParameterBaseDirectory ?? RootDirectory, value));
}
