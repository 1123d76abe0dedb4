using System.Linq.Expressions;
using Spatial.Build.Execution;

namespace Spatial.Build;

/// <summary>Runs a build without a process of its own: tests and hosts pass arguments, environment and an output writer.</summary>
public static class BuildRunner
{
    /// <summary>Runs <paramref name="build"/> and returns the exit code (0 on success).</summary>
    public static int Run<T>(T build, BuildRunOptions options, params Expression<Func<T, Target>>[] defaultTargets) where T : NukeBuild
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(options);
        var defaults = defaultTargets.Select(expression =>
        {
            var compiled = expression.Compile();
            return (Func<object, Target>)(instance => compiled((T)instance));
        }).ToList();
        return new BuildSession(build, options, defaults).Run();
    }

    /// <summary>Creates the build with its parameterless constructor and runs it.</summary>
    public static int Run<T>(BuildRunOptions options, params Expression<Func<T, Target>>[] defaultTargets) where T : NukeBuild, new() =>
        Run(new T(), options, defaultTargets);
}
