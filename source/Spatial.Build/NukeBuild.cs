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

    public Host Host => RunningSession.Host;

    public bool IsLocalBuild => Host == Host.Terminal;

    public bool IsServerBuild => !IsLocalBuild;

    public IReadOnlyCollection<ExecutableTarget> ExecutionPlan => Session?.Plan ?? [];

    public IReadOnlyCollection<ExecutableTarget> InvokedTargets => Session?.Invoked ?? [];

    public IReadOnlyCollection<ExecutableTarget> ScheduledTargets => WithStatus(ExecutionStatus.Scheduled);

    public IReadOnlyCollection<ExecutableTarget> SucceededTargets => WithStatus(ExecutionStatus.Succeeded);

    public IReadOnlyCollection<ExecutableTarget> FailedTargets => WithStatus(ExecutionStatus.Failed);

    public IReadOnlyCollection<ExecutableTarget> SkippedTargets => WithStatus(ExecutionStatus.Skipped);

    /// <summary>The verbosity of the running build.</summary>
    public Verbosity Verbosity => Session?.Output.Verbosity ?? Verbosity.Normal;

    public T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : class =>
        Session?.TryGetParameter(parameterExpression) as T;

    public T? TryGetValue<T>(Expression<Func<T?>> parameterExpression) where T : struct =>
        Session?.TryGetParameter(parameterExpression) is T value ? value : null;

    public void ReportSummary(Configure<Dictionary<string, string>> configurator) => RunningSession.ReportSummary(configurator);

    /// <summary>Runs the build from <c>Main</c> with the process's arguments, environment and console; Ctrl+C ends the running target and still prints the summary.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargetExpressions) where T : NukeBuild, new()
    {
        using var cancellation = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // The first Ctrl+C ends the build in order; a second one falls through to the default and kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            return BuildRunner.Run(new T(), BuildRunOptions.FromCurrentProcess(cancellation.Token), defaultTargetExpressions);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <summary>Called once the root directory is known, before parameters are injected and targets are created.</summary>
    protected internal virtual void OnBuildCreated()
    {
    }

    /// <summary>Called after parameters are injected and the plan is checked, before the first target runs; a failure stops the build.</summary>
    protected internal virtual void OnBuildInitialized()
    {
    }

    /// <summary>Called just before a target's actions run.</summary>
    protected internal virtual void OnTargetRunning(string target)
    {
    }

    protected internal virtual void OnTargetSucceeded(string target)
    {
    }

    protected internal virtual void OnTargetFailed(string target)
    {
    }

    /// <summary>Called for a target skipped by <c>--skip</c>, a condition or <c>--continue</c>.</summary>
    protected internal virtual void OnTargetSkipped(string target)
    {
    }

    /// <summary>Called after the last target, before the summary.</summary>
    protected internal virtual void OnBuildFinished()
    {
    }

    private IReadOnlyCollection<ExecutableTarget> WithStatus(ExecutionStatus status) =>
        (Session?.Plan ?? []).Where(x => x.Status == status).ToList();

    private BuildSession RunningSession => Session ?? throw new InvalidOperationException("The build is not running: start it through NukeBuild.Execute or BuildRunner.Run.");
}
