namespace Spatial.Security.Findings;

/// <summary>One scan of the stage and what became of it: ran (with its findings) or not run (with why).</summary>
/// <param name="Name">What was scanned, as the summary says it: <c>vulnerabilities</c>, <c>image config</c>.</param>
/// <param name="Tool">The tool that ran it.</param>
/// <param name="Findings">What it found; empty when it did not run.</param>
/// <param name="NotRunReason">Why it did not run; null when it ran.</param>
public sealed record ScanStatus(string Name, string Tool, IReadOnlyList<Finding> Findings, string? NotRunReason)
{
    /// <summary>True when the scan ran.</summary>
    public bool Ran => NotRunReason is null;

    /// <summary>A scan that ran.</summary>
    public static ScanStatus Completed(string name, string tool, IReadOnlyList<Finding> findings) => new(name, tool, findings, null);

    /// <summary>A scan that could not run, and why (said in the summary, never a silent pass).</summary>
    public static ScanStatus NotRun(string name, string tool, string reason) => new(name, tool, [], reason);
}
