namespace Spatial.Build.Tooling;

/// <summary>A process failed its exit-code policy or timed out; the message names the tool, the exit code and the last output lines.</summary>
public sealed class ProcessException : Exception
{
    public ProcessException()
    {
    }

    public ProcessException(string message)
        : base(message)
    {
    }

    public ProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ProcessException(string toolPath, int exitCode, bool timedOut, IReadOnlyList<string> lastLines, string message)
        : base(message)
    {
        ToolPath = toolPath;
        ExitCode = exitCode;
        TimedOut = timedOut;
        LastLines = lastLines;
    }

    public string? ToolPath { get; }

    public int ExitCode { get; }

    public bool TimedOut { get; }

    /// <summary>The last lines of output (secrets masked).</summary>
    public IReadOnlyList<string> LastLines { get; } = [];
}
