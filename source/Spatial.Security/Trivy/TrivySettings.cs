using System.Globalization;
using Spatial.Security.Findings;

namespace Spatial.Security.Trivy;

/// <summary>
/// One Trivy invocation, typed: what to scan and how. Immutable; change a copy with <c>with</c>.
/// <see cref="Arguments"/> renders Trivy's command line.
/// </summary>
/// <param name="Command">Which subcommand.</param>
/// <param name="Target">The archive (image) or folder (fs, config).</param>
public sealed record TrivySettings(TrivyCommand Command, string Target)
{
    /// <summary>Scanners to run; Trivy's default when empty. Ignored by <c>config</c>.</summary>
    public IReadOnlyList<TrivyScanner> Scanners { get; init; } = [];

    /// <summary>Severities to report; every severity when empty (the gate decides what fails).</summary>
    public IReadOnlyList<Severity> Severities { get; init; } = [];

    /// <summary>Leave out vulnerabilities that have no fixed version.</summary>
    public bool IgnoreUnfixed { get; init; }

    /// <summary>A Trivy ignore file (<c>.trivyignore</c>) handed to Trivy itself.</summary>
    public string? IgnoreFile { get; init; }

    /// <summary>Trivy's cache folder, where its vulnerability database lives.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Use the database in the cache as it is (no download).</summary>
    public bool SkipDbUpdate { get; init; }

    /// <summary>Use the checks bundle built into Trivy instead of downloading the newest.</summary>
    public bool SkipChecksUpdate { get; init; }

    /// <summary>Send nothing to the network while scanning.</summary>
    public bool OfflineScan { get; init; }

    /// <summary>Trivy's own time limit for the scan.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Report format: <c>json</c> (read back into findings), <c>cyclonedx</c> (an SBOM), <c>sarif</c>, <c>table</c>.</summary>
    public string Format { get; init; } = "json";

    /// <summary>File the report is written to.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Folders left out of fs and config scans.</summary>
    public IReadOnlyList<string> SkipDirectories { get; init; } = [];

    /// <summary>Trivy's argument list, in order, spelled for <paramref name="dialect"/> (current Trivy when null).</summary>
    public IReadOnlyList<string> Arguments(TrivyDialect? dialect = null)
    {
        dialect ??= TrivyDialect.Current;
        var arguments = new List<string>
        {
            Command switch
            {
                TrivyCommand.Image => "image",
                TrivyCommand.Filesystem => "fs",
                TrivyCommand.Config => "config",
                _ => throw new ArgumentOutOfRangeException(nameof(Command), Command, "unknown Trivy command"),
            },
            "--quiet",
            "--format", Format,
            "--timeout", string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(Timeout.TotalSeconds)}s"),
        };
        if (OutputFile is not null)
            arguments.AddRange(["--output", OutputFile]);
        if (Scanners.Count > 0 && Command != TrivyCommand.Config)
            arguments.AddRange(["--scanners", string.Join(',', Scanners.Select(dialect.Name))]);
        if (Severities.Count > 0)
            arguments.AddRange(["--severity", string.Join(',', Severities.Select(s => s.ToTrivyName()))]);
        if (IgnoreUnfixed)
            arguments.Add("--ignore-unfixed");
        if (IgnoreFile is not null)
            arguments.AddRange(["--ignorefile", IgnoreFile]);
        if (CacheDirectory is not null)
            arguments.AddRange(["--cache-dir", CacheDirectory]);
        if (SkipDbUpdate)
            arguments.Add("--skip-db-update");
        if (SkipChecksUpdate && dialect.SkipChecksUpdateFlag is { } skipChecks)
            arguments.Add(skipChecks);
        if (OfflineScan)
            arguments.Add("--offline-scan");
        foreach (var directory in SkipDirectories)
            arguments.AddRange(["--skip-dirs", directory]);
        if (Command == TrivyCommand.Image)
            arguments.AddRange(["--input", Target]);
        else
            arguments.Add(Target);
        return arguments;
    }
}
