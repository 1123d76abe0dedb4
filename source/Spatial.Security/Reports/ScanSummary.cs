using Spatial.Security.Findings;
using Spatial.Security.Gates;

namespace Spatial.Security.Reports;

/// <summary>The stage's one summary line: the gate's verdict, counts by severity, and every scan that did not run.</summary>
public static class ScanSummary
{
    /// <summary>e.g. <c>passed: 3 findings (0 critical, 0 high, 1 medium, 2 low), 0 blocking; vulnerabilities: not run (no Trivy database offline)</c>.</summary>
    public static string Line(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var findings = result.AllFindings.ToList();
        int Count(Severity severity) => findings.Count(f => f.Severity == severity);
        var parts = new List<string>
        {
            $"{(result.Passed ? "passed" : "failed")}: {findings.Count} finding(s) ({Count(Severity.Critical)} critical, {Count(Severity.High)} high, " +
            $"{Count(Severity.Medium)} medium, {Count(Severity.Low) + Count(Severity.Unknown)} low), {result.Blocking.Count} blocking",
        };
        if (result.Suppressed.Count > 0)
            parts.Add($"{result.Suppressed.Count} accepted by the ignore file");
        if (result.ExpiredIgnores.Count > 0)
            parts.Add($"{result.ExpiredIgnores.Count} expired ignore entr{(result.ExpiredIgnores.Count == 1 ? "y" : "ies")}");
        parts.AddRange(result.Scans.Where(s => !s.Ran).Select(s => $"{s.Name}: not run ({s.NotRunReason})"));
        return string.Join("; ", parts);
    }
}
