namespace Spatial.Security.Gates;

/// <summary>One accepted finding: a rule, until when, and why.</summary>
/// <param name="RuleId">The rule or advisory it suppresses.</param>
/// <param name="Expires">The last day it suppresses; from the day after, the finding counts again.</param>
/// <param name="Reason">Why the finding is accepted.</param>
/// <param name="Line">Its line in the ignore file.</param>
public sealed record IgnoreEntry(string RuleId, DateOnly Expires, string Reason, int Line)
{
    /// <summary>True on and before its expiry date.</summary>
    public bool IsActive(DateOnly today) => today <= Expires;
}
