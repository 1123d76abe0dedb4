using System.Diagnostics;
using System.Reflection;
using Spatial.Build.Logging;
using Spatial.Build.Tooling;
using Spectre.Console;

namespace Spatial.Build.Execution;

/// <summary>How a run of the plan ended.</summary>
internal enum ExecutionOutcome
{
    Succeeded,
    Failed,

    /// <summary>Ctrl+C: the running target was ended and nothing after it ran.</summary>
    Cancelled,
}

/// <summary>Runs the planned targets in order, honouring dynamic conditions, the failure rules, lifecycle hooks and cancellation.</summary>
internal sealed class TargetExecutor(BuildSession session, NukeBuild build, CancellationToken cancellation)
{
    private const int StackLines = 6;

    // After Ctrl+C the running target's processes are killed; its action gets this long to return.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    public ExecutionOutcome Execute(IReadOnlyList<ExecutableTarget> plan)
    {
        var output = session.Output;
        ExecutableTarget? stoppedBy = null;
        var anyFailed = false;
        foreach (var target in plan)
        {
            // After Ctrl+C only teardown (assured targets) still runs, and Ctrl+C no longer interrupts it.
            if (cancellation.IsCancellationRequested && !target.AssuredAfterFailure)
            {
                if (target.Status != ExecutionStatus.Skipped)
                    NotRun(target, "build cancelled");
                continue;
            }

            if (target.Status == ExecutionStatus.Skipped)
            {
                output.WriteLog(LogLevel.Information, $"Skipping {target.Name}: {target.SkipReason}");
                build.OnTargetSkipped(target.Name);
                continue;
            }

            if (!target.AssuredAfterFailure)
            {
                if (stoppedBy is not null)
                {
                    NotRun(target, $"{stoppedBy.Name} failed");
                    continue;
                }

                if (target.ExecutionDependencies.FirstOrDefault(x => x.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun) is { } broken)
                {
                    NotRun(target, $"dependency {broken.Name} {(broken.Status == ExecutionStatus.Failed ? "failed" : "did not run")}");
                    continue;
                }
            }

            if (!Run(target))
            {
                anyFailed = true;
                if (!target.ProceedAfterFailure)
                    stoppedBy ??= target;
            }
        }

        return cancellation.IsCancellationRequested ? ExecutionOutcome.Cancelled
            : anyFailed ? ExecutionOutcome.Failed
            : ExecutionOutcome.Succeeded;
    }

    private bool Run(ExecutableTarget target)
    {
        var output = session.Output;
        var stopwatch = Stopwatch.StartNew();
        session.CurrentTarget = target;
        BeginFrame(target.Name);
        try
        {
            var failedCondition = target.Definition.DynamicConditions.FirstOrDefault(condition => !condition.Compile()());
            if (failedCondition is not null)
            {
                target.Status = ExecutionStatus.Skipped;
                target.SkipReason = $"condition false: {ExpressionText.Of(failedCondition)}";
                output.WriteLog(LogLevel.Information, $"Skipping {target.Name}: {target.SkipReason}");
                build.OnTargetSkipped(target.Name);
                return true;
            }

            target.Status = ExecutionStatus.Running;
            build.OnTargetRunning(target.Name);
            RunActions(target);
            target.Status = target.Definition.Actions.Count == 0 ? ExecutionStatus.Collective : ExecutionStatus.Succeeded;
            build.OnTargetSucceeded(target.Name);
            return true;
        }
        catch (Exception exception)
        {
            target.Status = ExecutionStatus.Failed;
            if (exception is OperationCanceledException && cancellation.IsCancellationRequested)
            {
                target.SkipReason = "cancelled (Ctrl+C)";
                output.WriteLine($"Target {target.Name} cancelled: its processes were ended.", ConsoleStyles.Error);
            }
            else
            {
                ReportFailure(target, Unwrap(exception));
            }

            build.OnTargetFailed(target.Name);
            return false;
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            session.CurrentTarget = null;
            EndFrame();
        }
    }

    // The actions run off this thread so Ctrl+C can end the target even while an action blocks.
    private void RunActions(ExecutableTarget target)
    {
        var interruptible = cancellation.IsCancellationRequested ? CancellationToken.None : cancellation;
        var actions = Task.Run(async () =>
        {
            foreach (var action in target.Definition.Actions)
                await action().ConfigureAwait(false);
        });
        try
        {
            actions.Wait(interruptible);
        }
        catch (OperationCanceledException)
        {
            // Killed again while the action winds down: it may have started a process just as Ctrl+C came.
            var grace = Stopwatch.StartNew();
            do
                ProcessTasks.KillRunningProcesses();
            while (!((IAsyncResult)actions).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(200)) && grace.Elapsed < CancelGrace);
            throw;
        }
    }

    private void ReportFailure(ExecutableTarget target, Exception exception)
    {
        var output = session.Output;
        if (exception is BuildFailedException or ProcessException)
        {
            output.WriteLine($"Target {target.Name} failed: {exception.Message}", ConsoleStyles.Error);
            return;
        }

        output.WriteLine($"Target {target.Name} failed: {exception.GetType().Name}: {exception.Message}", ConsoleStyles.Error);
        // The engine's own frames say nothing about the failure.
        var stack = (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(x => !x.Contains(" Spatial.Build.Execution.", StringComparison.Ordinal) && !x.Contains(" Spatial.Build.TargetDefinition", StringComparison.Ordinal))
            .ToArray();
        foreach (var line in stack.Take(StackLines))
            output.WriteLine("  " + line.Trim(), ConsoleStyles.Dim);
        if (stack.Length > StackLines)
            output.WriteLine($"  ... {stack.Length - StackLines} more frames (run with --verbosity verbose for all)", ConsoleStyles.Dim);
        if (output.Verbosity == Verbosity.Verbose)
            foreach (var line in stack.Skip(StackLines))
                output.WriteLine("  " + line.Trim(), ConsoleStyles.Dim);
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };

    private void NotRun(ExecutableTarget target, string reason)
    {
        target.Status = ExecutionStatus.NotRun;
        target.SkipReason = reason;
    }

    private void BeginFrame(string name)
    {
        if (!session.Output.IsEnabled(LogLevel.Information))
            return;
        if (session.Output.GitHubActions)
            session.Output.WriteLine($"::group::{name}");
        else
            session.Output.Write(new Rule($"[bold]{Markup.Escape(name)}[/]").LeftJustified());
    }

    private void EndFrame()
    {
        if (session.Output.GitHubActions && session.Output.IsEnabled(LogLevel.Information))
            session.Output.WriteLine("::endgroup::");
    }
}
