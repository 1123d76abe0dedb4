using System.Formats.Tar;

namespace Spatial.Deployment.Docker;

/// <summary>
/// The build context the engine receives: a tar of a directory, minus what its <c>.dockerignore</c> excludes.
/// The Dockerfile and the <c>.dockerignore</c> itself always travel, as with the Docker CLI.
/// </summary>
public static class BuildContextArchive
{
    /// <summary>Relative paths (forward slashes) of the files, links and directories the context carries, in archive order.</summary>
    /// <param name="contextDirectory">The directory to send.</param>
    /// <param name="dockerfile">The Dockerfile's path relative to <paramref name="contextDirectory"/>.</param>
    public static IReadOnlyList<string> ListEntries(string contextDirectory, string dockerfile = "Dockerfile")
    {
        if (!Directory.Exists(contextDirectory))
            throw new DirectoryNotFoundException($"build context {contextDirectory} does not exist");
        var ignore = DockerIgnore.Load(contextDirectory);
        var alwaysSent = new HashSet<string>(StringComparer.Ordinal) { Normalize(dockerfile), ".dockerignore" };
        var entries = new List<string>();
        Walk(new DirectoryInfo(contextDirectory), "", ignore, alwaysSent, entries);
        return entries;
    }

    /// <summary>Writes the context as a tar into a temporary file and returns it positioned at the start; disposing deletes it.</summary>
    public static async Task<Stream> CreateAsync(string contextDirectory, string dockerfile = "Dockerfile", CancellationToken cancellationToken = default)
    {
        var entries = ListEntries(contextDirectory, dockerfile);
        var archive = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
            {
                foreach (var entry in entries)
                    await writer.WriteEntryAsync(Path.Combine(contextDirectory, entry), entry, cancellationToken);
            }
            archive.Position = 0;
            return archive;
        }
        catch
        {
            await archive.DisposeAsync();
            throw;
        }
    }

    private static void Walk(DirectoryInfo directory, string prefix, DockerIgnore ignore, HashSet<string> alwaysSent, List<string> entries)
    {
        foreach (var item in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var relative = prefix + item.Name;
            var excluded = ignore.IsExcluded(relative) && !alwaysSent.Contains(relative);
            // A symbolic link travels as a link, never followed: the image gets what the directory holds.
            var isDirectory = item is DirectoryInfo && item.LinkTarget is null;
            if (!excluded)
                entries.Add(relative);
            if (isDirectory && (!excluded || ignore.MayReincludeBelow(relative) || alwaysSent.Any(p => p.StartsWith(relative + "/", StringComparison.Ordinal))))
                Walk((DirectoryInfo)item, relative + "/", ignore, alwaysSent, entries);
        }
    }

    private static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
    }
}
