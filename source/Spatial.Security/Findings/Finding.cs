namespace Spatial.Security.Findings;

/// <summary>One problem one tool reported, in a shape every tool shares.</summary>
/// <param name="Tool">Who found it: <c>trivy</c>, <c>spatial-checks</c>, <c>nuget-audit</c>.</param>
/// <param name="Kind">Vulnerability, misconfiguration or secret.</param>
/// <param name="RuleId">The rule or advisory (CVE-2019-18276, DS026, private-key).</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Title">One line saying what the rule is about.</param>
/// <param name="Target">Where: a file relative to the scanned root, an image, a project.</param>
/// <param name="Message">What was found there.</param>
public sealed record Finding(string Tool, FindingKind Kind, string RuleId, Severity Severity, string Title, string Target, string Message)
{
    /// <summary>The first line of the finding in <see cref="Target"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The package, for vulnerabilities.</summary>
    public string? Package { get; init; }

    /// <summary>The installed version, for vulnerabilities.</summary>
    public string? InstalledVersion { get; init; }

    /// <summary>The first fixed version; null when no fix exists yet.</summary>
    public string? FixedVersion { get; init; }

    /// <summary>Where to read more.</summary>
    public Uri? HelpUri { get; init; }

    /// <summary><see cref="Target"/> with the line, for messages: <c>docker/service/Dockerfile:3</c>.</summary>
    public string Location => Line is { } line ? $"{Target}:{line}" : Target;
}
