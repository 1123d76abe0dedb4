using Spatial.Security.Trivy;

namespace Spatial.Security;

/// <summary>Everything one security scan looks at, decided by the caller (the pipeline reads parameters; this library does not).</summary>
/// <param name="RepositoryRoot">The repository: Trivy's filesystem scan and the paths below are relative to it.</param>
/// <param name="OutputDirectory">Where Trivy's JSON reports and the SBOMs are written.</param>
public sealed record SecurityScanOptions(string RepositoryRoot, string OutputDirectory)
{
    /// <summary>The images to scan; empty when there is none.</summary>
    public IReadOnlyList<ScannedImage> Images { get; init; } = [];

    /// <summary>Why there is no image (said by every image scan); required when <see cref="Images"/> is empty.</summary>
    public string? NoImageReason { get; init; }

    /// <summary>Trivy; null runs the built-in checks only.</summary>
    public TrivyTool? Trivy { get; init; }

    /// <summary>Why there is no Trivy (said by every Trivy scan).</summary>
    public string? NoTrivyReason { get; init; }

    /// <summary>Trivy's cache folder; vulnerability scans run when it holds a database.</summary>
    public string TrivyCacheDirectory { get; init; } = TrivyDatabase.DefaultCacheDirectory();

    /// <summary>Whether Trivy may download its database when the cache has none (a CI runner with network).</summary>
    public bool TrivyMayDownloadDatabase { get; init; }

    /// <summary>Folders Trivy's filesystem scan leaves out (build output, scratch, the exported images).</summary>
    public IReadOnlyList<string> TrivySkipDirectories { get; init; } = [];

    /// <summary>Dockerfiles to check, relative to the root.</summary>
    public IReadOnlyList<string> Dockerfiles { get; init; } = [];

    /// <summary>Whether Dockerfile bases must be pinned by digest.</summary>
    public bool RequireDigestPinnedBase { get; init; }

    /// <summary>The files that travel to the engine as the build context, relative to the root.</summary>
    public IReadOnlyList<string> BuildContextFiles { get; init; } = [];

    /// <summary>The solution or project the NuGet audit lists; null leaves the audit out.</summary>
    public string? NuGetAuditTarget { get; init; }
}
