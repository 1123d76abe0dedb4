using Docker.DotNet;
using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Images;
using Spatial.Security;
using Spatial.Security.Gates;
using Spatial.Security.Reports;
using Spatial.Security.Trivy;

/// <summary>Stage 7: vulnerabilities, misconfigurations and secrets in the image and the repository.</summary>
interface ISecurityScan : IDockerBuild, IHazSolution, IHazDeploymentHost
{
    /// <summary>Relative to the repository root, as <c>Produces</c> wants it.</summary>
    const string SecurityReportsFolder = IHazReports.ReportsFolder + "/security";

    [Parameter("Trivy's cache folder holding its vulnerability database (default: Trivy's own, ~/.cache/trivy)")]
    string? TrivyCacheDir => TryGetValue(() => TrivyCacheDir);

    AbsolutePath SecurityReportsDirectory => RootDirectory / SecurityReportsFolder;

    /// <summary>Accepted findings: <c>RULE-ID yyyy-mm-dd reason</c> per line (docs/stages/7-security-scan.md).</summary>
    AbsolutePath SecurityIgnoreFile => RootDirectory / ".security-ignore";

    /// <summary>The environment's gate: the stricter its Trivy requirement, the more fails and the more must run.</summary>
    SecurityPolicy SecurityPolicy => Environment.Requirements.Trivy switch
    {
        RequirementLevel.Required => SecurityPolicy.Strict,
        RequirementLevel.Recommended => SecurityPolicy.Standard,
        _ => SecurityPolicy.Lenient,
    };

    Target SecurityScan => _ => _
        .Description("Stage 7: Trivy image, config and filesystem scans plus built-in checks; SARIF report; severity gate")
        .DependsOn(DockerBuild)
        .Produces(SecurityReportsFolder + "/*")
        .Executes(async () =>
        {
            var policy = SecurityPolicy;
            var ignores = IgnoreFile.Read(SecurityIgnoreFile);
            SecurityReportsDirectory.CreateDirectory();
            var (trivy, noTrivy) = await ResolveTrivyForScanAsync();
            var images = SelectedHost.UsesDocker ? await ExportImagesAsync() : [];
            var options = new SecurityScanOptions(RootDirectory, SecurityReportsDirectory)
            {
                Images = images,
                NoImageReason = SelectedHost.UsesDocker ? null : "no image: process host",
                Trivy = trivy,
                NoTrivyReason = noTrivy,
                TrivyCacheDirectory = TrivyCacheDir is null ? TrivyDatabase.DefaultCacheDirectory() : Path.GetFullPath(TrivyCacheDir),
                TrivyMayDownloadDatabase = IsServerBuild,
                TrivySkipDirectories = [".git", ".nuke/temp", "artifacts", "**/bin", "**/obj", "**/node_modules"],
                Dockerfiles = Directory.EnumerateFiles(RootDirectory / "docker", "Dockerfile", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(RootDirectory, f)).Order(StringComparer.Ordinal).ToList(),
                RequireDigestPinnedBase = policy.RequireDigestPinnedBase,
                BuildContextFiles = BuildContextFiles(),
                NuGetAuditTarget = Solution,
            };
            var scans = await SecurityScanner.RunAsync(options, line => Log.Information("{Line}", line));
            var result = SecurityGate.Evaluate(scans, policy, ignores, DateOnly.FromDateTime(DateTime.UtcNow));

            var sarif = SecurityReportsDirectory / "security.sarif";
            var table = SecurityReportsDirectory / "findings.txt";
            await File.WriteAllTextAsync(sarif, SarifLog.Render(scans.Where(s => s.Ran).Select(s => s.Tool).Distinct().ToList(), result.AllFindings));
            await File.WriteAllTextAsync(table, FindingTable.Render(result));
            Log.Information("{Table}", FindingTable.Render(result).TrimEnd());
            Log.Information("Wrote {Sarif}, {Table} and the SBOMs under {Folder}", sarif, table, SecurityReportsDirectory);

            var summary = ScanSummary.Line(result);
            Log.Information("Security ({Policy} policy for {Environment}): {Summary}", policy.Name, Environment, summary);
            ReportSummary(s => { s["Security"] = summary; return s; });
            foreach (var finding in result.Blocking)
                Log.Error("{Rule} ({Severity}, {Tool}) in {Location}: {Message}", finding.RuleId, finding.Severity, finding.Tool, finding.Location, finding.Message);
            foreach (var missing in result.MissingScans)
                Log.Error("{Scan} is required for {Environment} but did not run ({Reason}). To fix: {Remedy}", missing.Scan, Environment, missing.Reason, RemedyFor(missing.Scan));
            var failures = result.Blocking.Take(5).Select(f => $"{f.RuleId} ({f.Tool}) in {f.Location}")
                .Concat(result.MissingScans.Select(m => $"{m.Scan} required but not run ({m.Reason}): {RemedyFor(m.Scan)}"));
            Assert.True(result.Passed, $"{Environment}'s security gate failed ({result.Blocking.Count} blocking finding(s), {result.MissingScans.Count} required scan(s) not run): " +
                string.Join("; ", failures));
        });

    /// <summary>Trivy for this run, or why there is none (the built-in checks run either way).</summary>
    async Task<(TrivyTool? Tool, string? Problem)> ResolveTrivyForScanAsync()
    {
        try
        {
            var executable = await TrivyResolver.ResolveAsync();
            Log.Information("Trivy {Path} (from {Origin})", executable.Path, executable.Origin);
            return (new TrivyTool(executable), null);
        }
        catch (TrivyException e)
        {
            Log.Warning("No Trivy: {Problem}", e.Message);
            return (null, $"no Trivy: {e.Message}");
        }
    }

    /// <summary>Exports the service and gateway images of this commit with <c>docker save</c>, so Trivy and the built-in checks read them offline.</summary>
    async Task<IReadOnlyList<ScannedImage>> ExportImagesAsync()
    {
        var engine = SelectedHost.Engine ?? throw new InvalidOperationException("no Docker engine");
        var options = ImageOptions;
        string[] tags = [ServiceImage.TagFor(options), ServiceImage.TagFor(options with { Repository = ServiceImage.GatewayRepository })];
        using var configuration = new DockerClientConfiguration(engine.Endpoint, defaultTimeout: TimeSpan.FromMinutes(5));
        using var client = configuration.CreateClient();
        var images = new List<ScannedImage>();
        foreach (var tag in tags)
        {
            Assert.True(await engine.Images.InspectAsync(tag) is not null, $"image {tag} is not in the engine: run DockerBuild first");
            var image = new ScannedImage(tag, "", [$"{ServiceImage.ContainerPort}/tcp"]);
            var archive = TemporaryDirectory / "images" / $"{image.FileStem}.tar";
            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            await using (var saved = await client.Images.SaveImageAsync(tag))
            await using (var file = File.Create(archive))
                await saved.CopyToAsync(file);
            Log.Information("Exported {Tag} to {Archive} ({Size} MB)", tag, archive, (new FileInfo(archive).Length / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            images.Add(image with { ArchivePath = archive });
        }

        return images;
    }

    /// <summary>The files that travel to the engine as the images' build context (the repository root filtered by .dockerignore).</summary>
    IReadOnlyList<string> BuildContextFiles()
    {
        var ignore = DockerIgnore.Load(RootDirectory);
        return Directory.EnumerateFiles(RootDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RootDirectory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && !f.StartsWith(".nuke/temp/", StringComparison.Ordinal) && !ignore.IsExcluded(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    static string RemedyFor(string scan) => scan switch
    {
        ScanNames.Vulnerabilities =>
            "give Trivy its vulnerability database: on a machine with network run `trivy image --download-db-only --cache-dir DIR`, copy DIR here and pass " +
            "--trivy-cache-dir DIR (or run on CI, where Trivy downloads it); if Trivy itself is missing, put it on PATH or pass --trivy-path",
        ScanNames.NuGetAudit => "restore the solution (./build.sh Restore) so `dotnet list package --vulnerable` can run",
        _ => "scan the image: run with a Docker engine (--host docker) and Trivy (on PATH, --trivy-path, or fetched from npm)",
    };
}
