namespace Spatial.Build.Tooling;

/// <summary>A started process whose output is captured.</summary>
public interface IProcess : IDisposable
{
    string ToolPath { get; }

    /// <summary>The exit code; valid after <see cref="WaitForExit"/>.</summary>
    int ExitCode { get; }

    /// <summary>Captured lines, in the order they arrived.</summary>
    IReadOnlyCollection<Output> Output { get; }

    bool HasExited { get; }

    /// <summary>Whether the timeout expired and the process tree was killed.</summary>
    bool TimedOut { get; }

    /// <summary>Waits for the exit (killing the process tree when the timeout expires) and for the output to drain.</summary>
    void WaitForExit();

    /// <summary>Waits, then throws a <see cref="ProcessException"/> unless the exit code is zero.</summary>
    IProcess AssertZeroExitCode();

    /// <summary>Waits, then throws a <see cref="ProcessException"/> if the process timed out.</summary>
    IProcess AssertWaitForExit();
}
