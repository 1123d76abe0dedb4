using System.Diagnostics;
using System.Globalization;

namespace Spatial.Models.Registry;

/// <summary>
/// What killed writers leave in the models root: <c>registry.json.tmp-*</c> (written only under the registry lock,
/// so any found while holding it belongs to a dead writer) and <c>.import-&lt;pid&gt;-*</c> staging folders (written
/// outside the lock, so removed only when their process is gone). Cleaned under the lock by every registry update.
/// </summary>
internal static class StaleRegistryFiles
{
    private const string ImportPrefix = ".import-";

    /// <summary>A staging folder name that says which process owns it.</summary>
    public static string NewImportFolderName() =>
        $"{ImportPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>Removes dead writers' temp files and dead importers' staging folders; the caller holds the registry lock.</summary>
    public static void CleanUnderLock(string root, string registryPath)
    {
        foreach (var temp in Directory.EnumerateFiles(root, Path.GetFileName(registryPath) + RegistryFile.TempInfix + "*"))
            TryDelete(() => File.Delete(temp));
        foreach (var folder in Directory.EnumerateDirectories(root, ImportPrefix + "*"))
        {
            if (!OwnerIsAlive(Path.GetFileName(folder)))
                TryDelete(() => Directory.Delete(folder, recursive: true));
        }
    }

    private static bool OwnerIsAlive(string folderName)
    {
        var rest = folderName[ImportPrefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        // A name without a process id comes from an older writer; none of those can still be running this code.
        if (dash < 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return false;
        if (pid == Environment.ProcessId)
            return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Another cleaner may win the race; what matters is that the file is gone.
    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
