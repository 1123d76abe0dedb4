using System.Text.Json;
using Spatial.Deployment.Releases;
using Spatial.Models;

namespace Spatial.Deployment.Hosting.Processes;

/// <summary>
/// The process host's releases: frozen copies of the published service and the model version under
/// <c>releases/&lt;id&gt;/</c>, and of the published gateway under <c>gateways/&lt;hash&gt;/</c>, so rebuilding the
/// checkout never changes what a running or a rolled-back release starts from.
/// </summary>
internal sealed class ReleaseStore(string releasesDirectory, string gatewaysDirectory)
{
    private const string ReleaseFile = "release.json";
    private string? _gateway;

    /// <summary>The folders a prepared release starts from.</summary>
    public sealed record ReleaseFolder(string Service, string Model);

    /// <summary>Freezes <paramref name="candidate"/> and returns its release (the first preparation's creation time is kept).</summary>
    public Release Prepare(ReleaseCandidate candidate)
    {
        var serviceBuild = "folder:" + FolderHash.Of(candidate.PublishedService);
        var manifest = PackageFiles.Sha256OfFile(Path.Combine(candidate.ModelDirectory, PackageFiles.ManifestFileName));
        var release = new Release(serviceBuild, candidate.ModelName, candidate.ModelVersion, manifest, candidate.SourceCommit, DateTimeOffset.UtcNow);
        var folder = Path.Combine(releasesDirectory, release.Id);
        if (ReadRelease(folder) is { } existing)
            release = existing;
        else
            Freeze(folder, temporary =>
            {
                CopyFolder(candidate.PublishedService, Path.Combine(temporary, "service"));
                CopyFolder(candidate.ModelDirectory, Path.Combine(temporary, "model"));
                File.WriteAllText(Path.Combine(temporary, ReleaseFile), JsonSerializer.Serialize(ReleaseLabels.Of(release)));
            });

        var gatewayHash = FolderHash.Of(candidate.PublishedGateway)["sha256:".Length..][..16];
        var gateway = Path.Combine(gatewaysDirectory, gatewayHash);
        if (!Directory.Exists(gateway))
            Freeze(gateway, temporary => CopyFolder(candidate.PublishedGateway, temporary));
        _gateway = gateway;
        return release;
    }

    /// <summary>The folders of a prepared release; throws when it was not prepared here.</summary>
    public ReleaseFolder Folder(Release release)
    {
        var folder = Path.Combine(releasesDirectory, release.Id);
        return ReadRelease(folder) is not null
            ? new ReleaseFolder(Path.Combine(folder, "service"), Path.Combine(folder, "model"))
            : throw new InvalidOperationException($"release {release.Id} has not been prepared on this host ({folder} is missing)");
    }

    /// <summary>Every complete prepared release, newest first.</summary>
    public IReadOnlyList<Release> List() =>
        Directory.Exists(releasesDirectory)
            ? new DirectoryInfo(releasesDirectory).EnumerateDirectories().Where(d => !d.Name.StartsWith('.'))
                .Select(d => ReadRelease(d.FullName)).OfType<Release>().OrderByDescending(r => r.CreatedAt).ToList()
            : [];

    /// <summary>The gateway build prepared last, or the newest one prepared before.</summary>
    public string GatewayFolder() =>
        _gateway ?? (Directory.Exists(gatewaysDirectory)
            ? new DirectoryInfo(gatewaysDirectory).EnumerateDirectories().Where(d => !d.Name.StartsWith('.')).OrderByDescending(d => d.CreationTimeUtc).FirstOrDefault()?.FullName
            : null)
        ?? throw new InvalidOperationException($"no gateway has been prepared in {gatewaysDirectory}: prepare a release first");

    /// <summary>Deletes the oldest releases beyond <paramref name="kept"/> that no instance uses.</summary>
    public void Prune(int kept, IReadOnlySet<string> inUse)
    {
        if (!Directory.Exists(releasesDirectory))
            return;
        var old = new DirectoryInfo(releasesDirectory).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.'))
            .OrderByDescending(d => d.CreationTimeUtc).Skip(kept).Where(d => !inUse.Contains(d.Name));
        foreach (var directory in old)
            directory.Delete(recursive: true);
        // Half-copied folders of a killed preparation.
        foreach (var stale in new DirectoryInfo(releasesDirectory).EnumerateDirectories(".tmp-*").Where(d => d.CreationTimeUtc < DateTime.UtcNow.AddHours(-1)))
            stale.Delete(recursive: true);
    }

    private static Release? ReadRelease(string folder)
    {
        var path = Path.Combine(folder, ReleaseFile);
        try
        {
            return File.Exists(path) && JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) is { } labels
                ? ReleaseLabels.Read(labels)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Fills a temporary sibling, then renames it into place: a folder is either complete or absent.</summary>
    private static void Freeze(string target, Action<string> fill)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, ".tmp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temporary);
        try
        {
            fill(temporary);
            Directory.Move(temporary, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another preparation of the same content won the rename.
            Directory.Delete(temporary, recursive: true);
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, destination);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
        }
    }
}
