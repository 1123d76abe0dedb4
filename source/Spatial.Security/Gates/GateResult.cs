using Spatial.Security.Findings;

namespace Spatial.Security.Gates;

/// <summary>A finding an active ignore entry suppressed.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Entry">The entry that suppressed it.</param>
public sealed record SuppressedFinding(Finding Finding, IgnoreEntry Entry);

/// <summary>A scan the policy requires that could not run.</summary>
/// <param name="Scan">The scan's name.</param>
/// <param name="Reason">Why it did not run.</param>
public sealed record MissingScan(string Scan, string Reason);

/// <summary>The gate's verdict over every scan of the stage.</summary>
/// <param name="Policy">The policy applied.</param>
/// <param name="Scans">Every scan, run or not.</param>
/// <param name="Blocking">Findings that fail the stage.</param>
/// <param name="Suppressed">Findings an active ignore entry accepted.</param>
/// <param name="ExpiredIgnores">Ignore entries past their date: they suppress nothing and are reported.</param>
/// <param name="MissingScans">Required scans that did not run.</param>
public sealed record GateResult(
    SecurityPolicy Policy,
    IReadOnlyList<ScanStatus> Scans,
    IReadOnlyList<Finding> Blocking,
    IReadOnlyList<SuppressedFinding> Suppressed,
    IReadOnlyList<IgnoreEntry> ExpiredIgnores,
    IReadOnlyList<MissingScan> MissingScans)
{
    /// <summary>True when nothing blocks and every required scan ran.</summary>
    public bool Passed => Blocking.Count == 0 && MissingScans.Count == 0;

    /// <summary>Every finding of every scan, suppressed ones included.</summary>
    public IEnumerable<Finding> AllFindings => Scans.SelectMany(s => s.Findings);
}
