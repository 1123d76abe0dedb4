using Spatial.Security.Audit;
using Spatial.Security.Checks;
using Spatial.Security.Findings;
using Spatial.Security.Gates;
using Spatial.Security.Trivy;

namespace Spatial.Security;

/// <summary>Runs every scan of stage 7, Trivy's and the built-in ones; a scan that cannot run says why instead of passing.</summary>
public static class SecurityScanner
{
    private const string TrivyTool = "trivy";

    /// <summary>Every scan, in report order. <paramref name="log"/> receives one line per step.</summary>
    public static async Task<IReadOnlyList<ScanStatus>> RunAsync(SecurityScanOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(options.OutputDirectory);
        var scans = new List<ScanStatus>();
        scans.AddRange(await ScanImagesAsync(options, log, cancellationToken));
        scans.Add(await ScanRepositoryAsync(options, log, cancellationToken));
        scans.Add(ScanStatus.Completed(ScanNames.Dockerfiles, SecretScanner.Tool, options.Dockerfiles
            .SelectMany(f => DockerfileRules.Check(File.ReadAllText(Path.Combine(options.RepositoryRoot, f)), f.Replace('\\', '/'), options.RequireDigestPinnedBase))
            .ToList()));
        scans.Add(ScanStatus.Completed(ScanNames.BuildContext, SecretScanner.Tool, SecretScanner.ScanFiles(options.RepositoryRoot, options.BuildContextFiles)));
        scans.Add(await AuditNuGetAsync(options, log, cancellationToken));
        return scans;
    }

    private static async Task<IReadOnlyList<ScanStatus>> ScanImagesAsync(SecurityScanOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        if (options.Images.Count == 0)
        {
            var reason = options.NoImageReason ?? "no image";
            return
            [
                ScanStatus.NotRun(ScanNames.Vulnerabilities, TrivyTool, reason),
                ScanStatus.NotRun(ScanNames.ImageSecrets, TrivyTool, reason),
                ScanStatus.NotRun(ScanNames.Sbom, TrivyTool, reason),
                ScanStatus.NotRun(ScanNames.ImageConfiguration, SecretScanner.Tool, reason),
                ScanStatus.NotRun(ScanNames.ImageLayers, SecretScanner.Tool, reason),
            ];
        }

        var configuration = new List<Finding>();
        var layers = new List<Finding>();
        foreach (var image in options.Images)
        {
            var archive = ImageArchive.Open(image.ArchivePath);
            configuration.AddRange(ImageChecks.CheckConfiguration(archive.Configuration, image.DeclaredPorts));
            layers.AddRange(ImageChecks.CheckLayers(archive));
            log($"built-in checks of {image.Reference}: configuration and layers read from {image.ArchivePath}");
        }

        ScanStatus[] builtIn =
        [
            ScanStatus.Completed(ScanNames.ImageConfiguration, SecretScanner.Tool, configuration),
            ScanStatus.Completed(ScanNames.ImageLayers, SecretScanner.Tool, layers),
        ];
        if (options.Trivy is not { } trivy)
        {
            var reason = options.NoTrivyReason ?? "no Trivy";
            return [ScanStatus.NotRun(ScanNames.Vulnerabilities, TrivyTool, reason), ScanStatus.NotRun(ScanNames.ImageSecrets, TrivyTool, reason),
                ScanStatus.NotRun(ScanNames.Sbom, TrivyTool, reason), .. builtIn];
        }

        var secrets = new List<Finding>();
        var vulnerabilities = new List<Finding>();
        var database = TrivyDatabase.IsPresent(options.TrivyCacheDirectory);
        var scanVulnerabilities = database || options.TrivyMayDownloadDatabase;
        foreach (var image in options.Images)
        {
            var settings = new TrivySettings(TrivyCommand.Image, image.ArchivePath)
            {
                CacheDirectory = options.TrivyCacheDirectory,
                SkipDbUpdate = true,
                SkipChecksUpdate = true,
                OfflineScan = true,
            };
            var report = await trivy.ScanAsync(settings with { Scanners = [TrivyScanner.Secret, TrivyScanner.Misconfiguration] },
                Path.Combine(options.OutputDirectory, $"trivy-image-{image.FileStem}.json"), cancellationToken);
            secrets.AddRange(report.Findings);
            var sbom = Path.Combine(options.OutputDirectory, $"sbom-{image.FileStem}.cdx.json");
            await trivy.WriteSbomAsync(settings, sbom, cancellationToken);
            log($"trivy image {image.Reference}: {report.Findings.Count} secret/misconfiguration finding(s); SBOM {sbom}");
            if (scanVulnerabilities)
            {
                var vulnerabilityReport = await trivy.ScanAsync(settings with { Scanners = [TrivyScanner.Vulnerability], SkipDbUpdate = database, OfflineScan = database },
                    Path.Combine(options.OutputDirectory, $"trivy-vuln-{image.FileStem}.json"), cancellationToken);
                vulnerabilities.AddRange(vulnerabilityReport.Findings);
                log($"trivy vulnerabilities {image.Reference}: {vulnerabilityReport.Findings.Count} finding(s)");
            }
        }

        return
        [
            scanVulnerabilities
                ? ScanStatus.Completed(ScanNames.Vulnerabilities, TrivyTool, vulnerabilities)
                : ScanStatus.NotRun(ScanNames.Vulnerabilities, TrivyTool, "no Trivy database offline"),
            ScanStatus.Completed(ScanNames.ImageSecrets, TrivyTool, secrets),
            ScanStatus.Completed(ScanNames.Sbom, TrivyTool, []),
            .. builtIn,
        ];
    }

    private static async Task<ScanStatus> ScanRepositoryAsync(SecurityScanOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        if (options.Trivy is not { } trivy)
            return ScanStatus.NotRun(ScanNames.Repository, TrivyTool, options.NoTrivyReason ?? "no Trivy");
        var settings = new TrivySettings(TrivyCommand.Filesystem, options.RepositoryRoot)
        {
            Scanners = [TrivyScanner.Secret, TrivyScanner.Misconfiguration],
            CacheDirectory = options.TrivyCacheDirectory,
            SkipDbUpdate = true,
            SkipChecksUpdate = true,
            OfflineScan = true,
            SkipDirectories = options.TrivySkipDirectories,
        };
        var report = await trivy.ScanAsync(settings, Path.Combine(options.OutputDirectory, "trivy-repository.json"), cancellationToken);
        log($"trivy fs {options.RepositoryRoot}: {report.Findings.Count} finding(s)");
        return ScanStatus.Completed(ScanNames.Repository, TrivyTool, report.Findings);
    }

    private static async Task<ScanStatus> AuditNuGetAsync(SecurityScanOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        if (options.NuGetAuditTarget is not { } target)
            return ScanStatus.NotRun(ScanNames.NuGetAudit, NuGetAudit.Tool, "no solution given");
        try
        {
            var findings = await NuGetAudit.RunAsync(target, TimeSpan.FromMinutes(5), cancellationToken);
            log($"dotnet list package --vulnerable: {findings.Count} vulnerable package version(s)");
            return ScanStatus.Completed(ScanNames.NuGetAudit, NuGetAudit.Tool, findings);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or TrivyException)
        {
            return ScanStatus.NotRun(ScanNames.NuGetAudit, NuGetAudit.Tool, e.Message);
        }
    }
}
