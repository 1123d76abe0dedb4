namespace Spatial.Security.Trivy;

/// <summary>A verified Trivy executable that runs typed <see cref="TrivySettings"/>.</summary>
/// <param name="executable">The resolved (and, when fetched, checksum-verified) executable.</param>
public sealed class TrivyTool(TrivyExecutable executable)
{
    /// <summary>Extra time past Trivy's own timeout before the process is killed.</summary>
    private static readonly TimeSpan KillMargin = TimeSpan.FromSeconds(30);

    private TrivyDialect? _dialect;

    /// <summary>The executable this tool runs.</summary>
    public TrivyExecutable Executable { get; } = executable;

    /// <summary>How this Trivy spells its scanners and flags, read once from its help.</summary>
    public async Task<TrivyDialect> GetDialectAsync(CancellationToken cancellationToken = default)
    {
        if (_dialect is null)
        {
            var help = await ExternalProcess.RunAsync(Executable.Path, ["fs", "--help"], null, TimeSpan.FromMinutes(1), cancellationToken);
            _dialect = TrivyDialect.FromHelp(help.StandardOutput + help.StandardError);
        }

        return _dialect;
    }

    /// <summary>Runs the scan as JSON into <paramref name="reportFile"/> and reads it into findings.</summary>
    public async Task<TrivyReport> ScanAsync(TrivySettings settings, string reportFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await RunAsync(settings with { Format = "json", OutputFile = reportFile }, cancellationToken);
        return TrivyReport.Read(reportFile);
    }

    /// <summary>Writes the image's CycloneDX SBOM to <paramref name="sbomFile"/>.</summary>
    public Task WriteSbomAsync(TrivySettings settings, string sbomFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RunAsync(settings with { Format = "cyclonedx", OutputFile = sbomFile, Scanners = [] }, cancellationToken);
    }

    /// <summary>Runs Trivy; a non-zero exit fails with Trivy's last lines.</summary>
    public async Task RunAsync(TrivySettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = settings.Arguments(await GetDialectAsync(cancellationToken));
        var result = await ExternalProcess.RunAsync(Executable.Path, arguments, null, settings.Timeout + KillMargin, cancellationToken);
        if (result.ExitCode != 0)
            throw new TrivyException($"trivy {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Problem()}");
    }
}
