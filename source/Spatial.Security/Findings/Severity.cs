namespace Spatial.Security.Findings;

/// <summary>Trivy's severity scale, lowest first, so severities compare with &lt; and &gt;.</summary>
public enum Severity
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>Reads and writes severities as Trivy spells them (upper case).</summary>
public static class SeverityNames
{
    /// <summary>Parses LOW, MEDIUM, HIGH, CRITICAL (any case); anything else is <see cref="Severity.Unknown"/>.</summary>
    public static Severity Parse(string? text) =>
        Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity) ? severity : Severity.Unknown;

    /// <summary>The upper-case name Trivy uses.</summary>
    public static string ToTrivyName(this Severity severity) => severity.ToString().ToUpperInvariant();
}
