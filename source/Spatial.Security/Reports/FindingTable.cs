using System.Text;
using Spatial.Security.Gates;

namespace Spatial.Security.Reports;

/// <summary>The readable report: every scan's status, then every finding with what the gate made of it.</summary>
public static class FindingTable
{
    /// <summary>Renders the table as lines of text.</summary>
    public static string Render(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var scan in result.Scans)
            text.AppendLine(scan.Ran ? $"{scan.Name,-16} {scan.Tool,-15} {scan.Findings.Count} finding(s)" : $"{scan.Name,-16} {scan.Tool,-15} not run ({scan.NotRunReason})");
        var blocking = result.Blocking.ToHashSet();
        var suppressed = result.Suppressed.ToDictionary(s => s.Finding, s => s.Entry);
        var rows = result.AllFindings.OrderByDescending(f => f.Severity).ThenBy(f => f.Tool, StringComparer.Ordinal).ThenBy(f => f.Location, StringComparer.Ordinal).ToList();
        if (rows.Count > 0)
            text.AppendLine().AppendLine($"{"verdict",-10} {"severity",-9} {"kind",-17} {"rule",-28} location / message");
        foreach (var finding in rows)
        {
            var verdict = blocking.Contains(finding) ? "FAILS" : suppressed.ContainsKey(finding) ? "accepted" : "reported";
            text.AppendLine($"{verdict,-10} {finding.Severity.ToString().ToUpperInvariant(),-9} {finding.Kind,-17} {finding.RuleId,-28} {finding.Location}: {finding.Message}");
        }

        foreach (var expired in result.ExpiredIgnores)
            text.AppendLine($"expired ignore entry (line {expired.Line}): {expired.RuleId} expired {expired.Expires:yyyy-MM-dd} ({expired.Reason}); it suppresses nothing");
        return text.ToString();
    }
}
