namespace Spatial.Security.Trivy;

/// <summary>
/// The spellings that changed between Trivy releases: the misconfiguration scanner was <c>config</c> and is
/// <c>misconfig</c>; skipping the check-bundle download was <c>--skip-policy-update</c> and is <c>--skip-check-update</c>.
/// Read from the executable's own help, so one wrapper drives the pinned build and the current release alike.
/// </summary>
/// <param name="MisconfigurationScanner">The scanner name for misconfigurations.</param>
/// <param name="SkipChecksUpdateFlag">The flag that keeps Trivy from downloading its checks bundle; null when it has none.</param>
public sealed record TrivyDialect(string MisconfigurationScanner, string? SkipChecksUpdateFlag)
{
    /// <summary>Current Trivy releases.</summary>
    public static TrivyDialect Current { get; } = new("misconfig", "--skip-check-update");

    /// <summary>Reads the dialect from <c>trivy fs --help</c>.</summary>
    public static TrivyDialect FromHelp(string help)
    {
        ArgumentNullException.ThrowIfNull(help);
        var scanner = help.Contains("misconfig", StringComparison.Ordinal) ? "misconfig" : "config";
        var flag = help.Contains("--skip-check-update", StringComparison.Ordinal) ? "--skip-check-update"
            : help.Contains("--skip-policy-update", StringComparison.Ordinal) ? "--skip-policy-update"
            : null;
        return new TrivyDialect(scanner, flag);
    }

    /// <summary>The name Trivy's <c>--scanners</c> takes for <paramref name="scanner"/>.</summary>
    public string Name(TrivyScanner scanner) => scanner switch
    {
        TrivyScanner.Vulnerability => "vuln",
        TrivyScanner.Misconfiguration => MisconfigurationScanner,
        TrivyScanner.Secret => "secret",
        TrivyScanner.License => "license",
        _ => throw new ArgumentOutOfRangeException(nameof(scanner), scanner, "unknown scanner"),
    };
}
