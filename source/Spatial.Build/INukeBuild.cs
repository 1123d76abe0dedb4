using System.Linq.Expressions;
using Spatial.Build.IO;

namespace Spatial.Build;

/// <summary>What every build and every component interface can see of the running build.</summary>
public interface INukeBuild
{
    /// <summary>The folder holding <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>RootDirectory/.nuke/temp</c>: scratch output, git-ignored.</summary>
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>Where the build runs.</summary>
    Host Host { get; }

    /// <summary>True on a terminal.</summary>
    bool IsLocalBuild { get; }

    /// <summary>True on a CI server: <c>GITHUB_ACTIONS=true</c> or <c>CI</c> set.</summary>
    bool IsServerBuild { get; }

    /// <summary>The targets of this run, in execution order.</summary>
    IReadOnlyCollection<ExecutableTarget> ExecutionPlan { get; }

    /// <summary>The targets named on the command line (or the default ones).</summary>
    IReadOnlyCollection<ExecutableTarget> InvokedTargets { get; }

    /// <summary>Planned targets that have not run yet.</summary>
    IReadOnlyCollection<ExecutableTarget> ScheduledTargets { get; }

    /// <summary>Targets that ran their actions and succeeded so far: <c>SucceededTargets.Contains(Restore)</c>.</summary>
    IReadOnlyCollection<ExecutableTarget> SucceededTargets { get; }

    IReadOnlyCollection<ExecutableTarget> FailedTargets { get; }

    IReadOnlyCollection<ExecutableTarget> SkippedTargets { get; }

    /// <summary>Reads a parameter (or injected value) declared on a component interface: <c>TryGetValue(() => Configuration)</c>.</summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : class;

    T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : struct;

    /// <summary>Adds figures to the running target's line in the summary table.</summary>
    void ReportSummary(Configure<Dictionary<string, string>> configurator);
}
