using System.Reflection;
using Spatial.Build.Injection;

namespace Spatial.Build.ProjectModel;

/// <summary>
/// Injects the <see cref="Solution"/>: the file named by the parameter of the member's name (<c>"Solution": "x.sln"</c> in
/// parameters.json, <c>--solution</c>), else the path given here (relative to the root), else the one solution file in the root.
/// </summary>
public sealed class SolutionAttribute(string? relativePath = null) : ValueInjectionAttribute
{
    public string? RelativePath { get; } = relativePath;

    public override object? GetValue(MemberInfo member, InjectionContext context)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(context);
        var file = context.ParameterPath ?? (RelativePath is { } relative ? context.RootDirectory / relative : FindSingle(context, member));
        return Solution.Read(file);
    }

    private static IO.AbsolutePath FindSingle(InjectionContext context, MemberInfo member)
    {
        var candidates = context.RootDirectory.GetFiles("*.sln").Concat(context.RootDirectory.GetFiles("*.slnx")).ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new BuildFailedException($"[Solution] {member.Name}: {(candidates.Count == 0 ? "no solution file" : "several solution files")} in {context.RootDirectory}; name one with \"{member.Name}\": \"<file>.sln\" in .nuke/parameters.json.");
    }
}
