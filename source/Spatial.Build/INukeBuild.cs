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

    bool IsLocalBuild { get; }

    /// <summary>True when <c>CI</c> or <c>GITHUB_ACTIONS</c> is set.</summary>
    bool IsServerBuild { get; }

    /// <summary>The targets of this run, in execution order.</summary>
    IReadOnlyCollection<ExecutableTarget> ExecutionPlan { get; }

    /// <summary>The targets named on the command line (or the default ones).</summary>
    IReadOnlyCollection<ExecutableTarget> InvokedTargets { get; }

    /// <summary>Reads a parameter declared on a component interface: <c>TryGetValue(() => Configuration)</c>.</summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : class;

    T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : struct;

    /// <summary>Adds figures to the running target's line in the summary table.</summary>
    void ReportSummary(Configure<Dictionary<string, string>> configurator);
}
