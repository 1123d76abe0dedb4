using System.Linq.Expressions;
using Spatial.Build.Execution;
using Spatial.Build.IO;

namespace Spatial.Build;

/// <summary>Base class of a build: targets are <see cref="Target"/> properties; <c>Main</c> calls <see cref="Execute{T}"/>.</summary>
public abstract class NukeBuild : INukeBuild
{
    internal BuildSession? Session { get; set; }

    public AbsolutePath RootDirectory => RunningSession.RootDirectory;

    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    public bool IsLocalBuild => !IsServerBuild;

    public bool IsServerBuild => RunningSession.IsServerBuild;

    public IReadOnlyCollection<ExecutableTarget> ExecutionPlan => Session?.Plan ?? [];

    public IReadOnlyCollection<ExecutableTarget> InvokedTargets => Session?.Invoked ?? [];

    /// <summary>The verbosity of the running build.</summary>
    public Verbosity Verbosity => Session?.Output.Verbosity ?? Verbosity.Normal;

    public T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : class =>
        Session?.TryGetParameter(parameterExpression) as T;

    public T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : struct =>
        Session?.TryGetParameter(parameterExpression) is T value ? value : null;

    public void ReportSummary(Configure<Dictionary<string, string>> configurator) => RunningSession.ReportSummary(configurator);

    /// <summary>Runs the build from <c>Main</c> with the process's arguments, environment and console.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargetExpressions) where T : NukeBuild, new() =>
        BuildRunner.Run(new T(), BuildRunOptions.FromCurrentProcess(), defaultTargetExpressions);

    /// <summary>Called after parameters are injected and the plan is checked, before the first target runs.</summary>
    protected internal virtual void OnBuildInitialized()
    {
    }

    /// <summary>Called after the last target, before the summary.</summary>
    protected internal virtual void OnBuildFinished()
    {
    }

    private BuildSession RunningSession => Session ?? throw new InvalidOperationException("The build is not running: start it through NukeBuild.Execute or BuildRunner.Run.");
}
