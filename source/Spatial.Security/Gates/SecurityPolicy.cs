using Spatial.Security.Findings;

namespace Spatial.Security.Gates;

/// <summary>
/// What fails the security stage for one environment. Everything is reported; only findings at or above
/// <see cref="FailAt"/> for their kind fail, and every scan in <see cref="RequiredScans"/> must have run.
/// </summary>
/// <param name="Name">The policy's name, for messages.</param>
/// <param name="FailAt">Per kind, the lowest severity that fails; a kind that is absent never fails.</param>
/// <param name="RequiredScans">Scans that must run (<see cref="ScanNames"/>); one that could not run fails the stage.</param>
/// <param name="RequireDigestPinnedBase">Dockerfile bases must be pinned by <c>@sha256:</c> digest.</param>
public sealed record SecurityPolicy(string Name, IReadOnlyDictionary<FindingKind, Severity> FailAt, IReadOnlyList<string> RequiredScans, bool RequireDigestPinnedBase)
{
    /// <summary>A developer's machine: only secrets fail; nothing is required to run.</summary>
    public static SecurityPolicy Lenient { get; } = new("lenient",
        new Dictionary<FindingKind, Severity> { [FindingKind.Secret] = Severity.Unknown },
        [], RequireDigestPinnedBase: false);

    /// <summary>Staging: secrets, high misconfigurations and critical vulnerabilities fail; scans run where they can.</summary>
    public static SecurityPolicy Standard { get; } = new("standard",
        new Dictionary<FindingKind, Severity>
        {
            [FindingKind.Secret] = Severity.Unknown,
            [FindingKind.Misconfiguration] = Severity.High,
            [FindingKind.Vulnerability] = Severity.Critical,
        },
        [], RequireDigestPinnedBase: false);

    /// <summary>Production: high and critical of every kind fail, and the image and vulnerability scans must have run.</summary>
    public static SecurityPolicy Strict { get; } = new("strict",
        new Dictionary<FindingKind, Severity>
        {
            [FindingKind.Secret] = Severity.Unknown,
            [FindingKind.Misconfiguration] = Severity.High,
            [FindingKind.Vulnerability] = Severity.High,
        },
        [ScanNames.Vulnerabilities, ScanNames.ImageSecrets, ScanNames.ImageConfiguration, ScanNames.NuGetAudit], RequireDigestPinnedBase: true);

    /// <summary>True when <paramref name="finding"/> fails the stage under this policy.</summary>
    public bool Fails(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return FailAt.TryGetValue(finding.Kind, out var threshold) && finding.Severity >= threshold;
    }
}
