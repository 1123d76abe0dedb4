using Spatial.Security.Findings;

namespace Spatial.Security.Gates;

/// <summary>Decides the stage: report everything, fail on what the policy names, honour only unexpired ignore entries.</summary>
public static class SecurityGate
{
    /// <summary>Judges <paramref name="scans"/> under <paramref name="policy"/> on <paramref name="today"/>.</summary>
    public static GateResult Evaluate(IReadOnlyList<ScanStatus> scans, SecurityPolicy policy, IReadOnlyList<IgnoreEntry> ignores, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ignores);
        var active = ignores.Where(e => e.IsActive(today)).ToList();
        var blocking = new List<Finding>();
        var suppressed = new List<SuppressedFinding>();
        foreach (var finding in scans.SelectMany(s => s.Findings).Where(policy.Fails))
        {
            var entry = active.FirstOrDefault(e => string.Equals(e.RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
                blocking.Add(finding);
            else
                suppressed.Add(new SuppressedFinding(finding, entry));
        }

        var missing = policy.RequiredScans
            .Select(name => (name, scan: scans.FirstOrDefault(s => s.Name == name)))
            .Where(x => x.scan is null || !x.scan.Ran)
            .Select(x => new MissingScan(x.name, x.scan?.NotRunReason ?? "not part of this run"))
            .ToList();
        return new GateResult(policy, scans, blocking, suppressed, ignores.Where(e => !e.IsActive(today)).ToList(), missing);
    }
}
