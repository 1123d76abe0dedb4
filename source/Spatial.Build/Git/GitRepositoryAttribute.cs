using System.Reflection;
using Spatial.Build.Injection;

namespace Spatial.Build.Git;

/// <summary>Injects the <see cref="GitRepository"/> at the root directory (null when the root is not a git working tree).</summary>
public sealed class GitRepositoryAttribute : ValueInjectionAttribute
{
    public override object? GetValue(MemberInfo member, InjectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GitRepository.TryRead(context.RootDirectory, context.Host == Host.GitHubActions ? context.EnvironmentVariables : null);
    }
}
