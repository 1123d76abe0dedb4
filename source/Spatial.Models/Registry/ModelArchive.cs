using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Spatial.Models;

namespace Spatial.Models.Registry;

/// <summary>
/// Export and import of one registered version as a single zip: the package files, the registry entry,
/// and checksums.sha256 over all of them. Import verifies every checksum and the package before anything
/// is written under the models root.
/// </summary>
public static class ModelArchive
{
    private const string ChecksumsEntry = "checksums.sha256";
    private const string RegistryEntry = "registry-entry.json";
    private const string PackagePrefix = "package/";

    /// <summary>The registry entry carried by an archive.</summary>
    public sealed record ArchivedEntry(string Model, IReadOnlyList<string> Classes, RegisteredVersion Version);

    /// <summary>Writes <paramref name="name"/> <paramref name="version"/> (latest when null) to <paramref name="archivePath"/>, after verifying it.</summary>
    public static string Export(ModelRegistry registry, string name, string? version, string archivePath)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var document = registry.Read();
        var registered = ModelRegistry.Version(document, name, version);
        var problem = registry.VerifyProblem(registered);
        if (problem is not null)
            throw new RegistryException($"{name} {registered.Version} cannot be exported: {problem}");
        var directory = registry.PackageDirectory(registered);
        var manifest = ModelPackage.Load(directory).Manifest;
        // Package files are streamed from disk (hashed, then copied), so exporting a large artifact costs no memory.
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [PackagePrefix + PackageFiles.ManifestFileName] = Path.Combine(directory, PackageFiles.ManifestFileName),
        };
        foreach (var artifact in manifest.Artifacts)
            files[PackagePrefix + artifact.File] = Path.Combine(directory, artifact.File);
        var entry = new ArchivedEntry(name, document.Models[name].Classes, registered with { Tests = [], Path = "" });
        var entryBytes = JsonSerializer.SerializeToUtf8Bytes(entry, ManifestJson.Options);
        var hashes = files.ToDictionary(f => f.Key, f => PackageFiles.Sha256OfFile(f.Value), StringComparer.Ordinal);
        hashes[RegistryEntry] = PackageFiles.Sha256(entryBytes);
        var checksums = string.Concat(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Value}  {h.Key}\n"));

        var full = Path.GetFullPath(archivePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                foreach (var (path, source) in files)
                {
                    using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                    using var file = File.OpenRead(source);
                    file.CopyTo(stream);
                }
                foreach (var (path, bytes) in new[] { (RegistryEntry, entryBytes), (ChecksumsEntry, Encoding.UTF8.GetBytes(checksums)) })
                {
                    using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                    stream.Write(bytes);
                }
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        return full;
    }

    /// <summary>
    /// Verifies the archive and installs it as a registered version under the registry's root. Nothing is read into
    /// memory but the small metadata entries: the entry list is checked first (safe names, no duplicates, at most
    /// <see cref="ArchiveLimits.MaxEntries"/>, declared sizes within the limits), then the checksums, registry entry and
    /// manifest, then every package file the manifest lists is streamed to a staging folder while it is hashed. A
    /// package file the manifest does not list is refused before anything is written.
    /// </summary>
    public static RegisteredVersion Import(ModelRegistry registry, string archivePath, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        limits ??= ArchiveLimits.Default;
        if (!File.Exists(archivePath))
            throw new RegistryException($"archive {archivePath} does not exist");
        string target;
        ArchivedEntry entry;
        Directory.CreateDirectory(registry.Root);
        var staging = Path.Combine(registry.Root, StaleRegistryFiles.NewImportFolderName());
        try
        {
            using var zip = OpenZip(archivePath);
            var entries = CheckEntries(zip, archivePath, limits);
            var checksums = ReadChecksums(entries, archivePath, limits);
            entry = ReadRegistryEntry(ReadSmallVerified(entries, checksums, RegistryEntry, archivePath, limits), archivePath);
            target = Path.Combine(registry.Root, entry.Model, entry.Version.Version);
            if (Directory.Exists(target))
                throw new RegistryException($"{entry.Model} {entry.Version.Version} already exists at {target}; versions are immutable");
            var manifestEntry = PackagePrefix + PackageFiles.ManifestFileName;
            var manifestBytes = ReadSmallVerified(entries, checksums, manifestEntry, archivePath, limits);
            var listed = ListedFiles(manifestBytes, archivePath);
            var unlisted = entries.Keys.Where(k => k.StartsWith(PackagePrefix, StringComparison.Ordinal) && !listed.Contains(k[PackagePrefix.Length..]))
                .Order(StringComparer.Ordinal).FirstOrDefault();
            if (unlisted is not null)
                throw new RegistryException($"{archivePath}: '{unlisted}' is not listed in the package manifest; an archive installs only the manifest and its artifacts");

            Directory.CreateDirectory(staging);
            File.WriteAllBytes(Path.Combine(staging, PackageFiles.ManifestFileName), manifestBytes);
            long total = manifestBytes.Length;
            foreach (var (name, zipEntry) in entries.Where(e => e.Key.StartsWith(PackagePrefix, StringComparison.Ordinal) && e.Key != manifestEntry))
                total += StreamVerified(zipEntry, checksums[name], Path.Combine(staging, name[PackagePrefix.Length..]), total, archivePath, limits);

            ModelPackage package;
            try
            {
                package = ModelPackage.Load(staging);
            }
            catch (ModelPackageException e)
            {
                throw new RegistryException($"{archivePath}: the package inside does not verify: {e.Message}", e);
            }
            var manifestHash = PackageFiles.Sha256(manifestBytes);
            if (package.Manifest.Name != entry.Model || package.Manifest.Version != entry.Version.Version || manifestHash != entry.Version.ManifestSha256)
                throw new RegistryException($"{archivePath}: registry entry ({entry.Model} {entry.Version.Version}) does not match the package inside ({package.Manifest.DisplayName})");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
        }
        catch (InvalidDataException e)
        {
            throw new RegistryException($"{archivePath} is not a readable zip archive: {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        try
        {
            return registry.Register(target, entry.Version.Tags);
        }
        catch
        {
            // Registration refused (e.g. contract mismatch): leave the root as it was.
            Directory.Delete(target, recursive: true);
            throw;
        }
    }

    private static ZipArchive OpenZip(string archivePath)
    {
        try
        {
            return ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException e)
        {
            throw new RegistryException($"{archivePath} is not a readable zip archive: {e.Message}", e);
        }
    }

    // Names, count and declared sizes, before a byte is extracted.
    private static Dictionary<string, ZipArchiveEntry> CheckEntries(ZipArchive zip, string archivePath, ArchiveLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            throw new RegistryException($"{archivePath}: holds {zip.Entries.Count} entries, more than the {limits.MaxEntries} an archive may hold");
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        long declared = 0;
        foreach (var zipEntry in zip.Entries)
        {
            var name = zipEntry.FullName;
            var safe = name == ChecksumsEntry || name == RegistryEntry
                || (name.StartsWith(PackagePrefix, StringComparison.Ordinal) && PackageFiles.IsPlainFileName(name[PackagePrefix.Length..]));
            if (!safe)
                throw new RegistryException($"{archivePath}: unexpected entry '{name}'");
            if (zipEntry.Length > limits.MaxEntryBytes)
                throw new RegistryException($"{archivePath}: entry '{name}' declares {zipEntry.Length} bytes, more than the {limits.MaxEntryBytes}-byte limit per entry");
            if (!entries.TryAdd(name, zipEntry))
                throw new RegistryException($"{archivePath}: entry '{name}' appears twice");
            declared += zipEntry.Length;
        }
        if (declared > limits.MaxTotalBytes)
            throw new RegistryException($"{archivePath}: entries declare {declared} bytes together, more than the {limits.MaxTotalBytes}-byte limit");
        if (!entries.ContainsKey(ChecksumsEntry))
            throw new RegistryException($"{archivePath}: no {ChecksumsEntry}");
        if (!entries.ContainsKey(RegistryEntry) || !entries.ContainsKey(PackagePrefix + PackageFiles.ManifestFileName))
            throw new RegistryException($"{archivePath}: missing {RegistryEntry} or the package manifest");
        return entries;
    }

    private static Dictionary<string, string> ReadChecksums(Dictionary<string, ZipArchiveEntry> entries, string archivePath, ArchiveLimits limits)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(ReadSmall(entries[ChecksumsEntry], archivePath, limits)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || !entries.ContainsKey(parts[1]))
                throw new RegistryException($"{archivePath}: {ChecksumsEntry} lists '{(parts.Length == 2 ? parts[1] : line)}' which the archive lacks");
            checksums[parts[1]] = parts[0];
        }
        var uncovered = entries.Keys.Where(k => k != ChecksumsEntry && !checksums.ContainsKey(k)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (uncovered is not null)
            throw new RegistryException($"{archivePath}: entry '{uncovered}' is not covered by {ChecksumsEntry}");
        return checksums;
    }

    private static ArchivedEntry ReadRegistryEntry(byte[] bytes, string archivePath)
    {
        ArchivedEntry entry;
        try
        {
            entry = JsonSerializer.Deserialize<ArchivedEntry>(bytes, ManifestJson.Options)
                ?? throw new RegistryException($"{archivePath}: {RegistryEntry} is empty");
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{archivePath}: {RegistryEntry} is malformed: {e.Message.Split('\n')[0]}", e);
        }
        if (!SemanticVersion.TryParse(entry.Version.Version, out _) || !PackageFiles.IsPlainFileName(entry.Model))
            throw new RegistryException($"{archivePath}: registry entry names an invalid model or version");
        return entry;
    }

    // The manifest and every artifact it names: the only files an import installs.
    private static HashSet<string> ListedFiles(byte[] manifestBytes, string archivePath)
    {
        ModelManifest manifest;
        try
        {
            manifest = ManifestJson.Deserialize(Encoding.UTF8.GetString(manifestBytes));
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{archivePath}: the package manifest is malformed: {e.Message.Split('\n')[0]}", e);
        }
        return [PackageFiles.ManifestFileName, .. manifest.Artifacts.Select(a => a.File)];
    }

    private static byte[] ReadSmallVerified(Dictionary<string, ZipArchiveEntry> entries, Dictionary<string, string> checksums, string name, string archivePath, ArchiveLimits limits)
    {
        var bytes = ReadSmall(entries[name], archivePath, limits);
        CheckHash(name, PackageFiles.Sha256(bytes), checksums[name], archivePath);
        return bytes;
    }

    private static byte[] ReadSmall(ZipArchiveEntry entry, string archivePath, ArchiveLimits limits)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limits.MaxMetadataBytes)
                throw new RegistryException($"{archivePath}: entry '{entry.FullName}' is larger than the {limits.MaxMetadataBytes}-byte limit for metadata");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // Copies one entry to disk while hashing it; the byte counts are the real ones, whatever the entry declared.
    private static long StreamVerified(ZipArchiveEntry entry, string expectedHash, string path, long totalSoFar, string archivePath, ArchiveLimits limits)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long written = 0;
        using (var source = entry.Open())
        using (var destination = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            var chunk = new byte[81_920];
            int read;
            while ((read = source.Read(chunk)) > 0)
            {
                written += read;
                if (written > limits.MaxEntryBytes)
                    throw new RegistryException($"{archivePath}: entry '{entry.FullName}' holds more than the {limits.MaxEntryBytes}-byte limit per entry");
                if (totalSoFar + written > limits.MaxTotalBytes)
                    throw new RegistryException($"{archivePath}: entries hold more than the {limits.MaxTotalBytes}-byte limit together");
                hash.AppendData(chunk, 0, read);
                destination.Write(chunk, 0, read);
            }
        }
        CheckHash(entry.FullName, Convert.ToHexStringLower(hash.GetHashAndReset()), expectedHash, archivePath);
        return written;
    }

    private static void CheckHash(string name, string actual, string expected, string archivePath)
    {
        if (actual != expected)
            throw new RegistryException($"{archivePath}: {name} SHA-256 is {actual[..12]}…, {ChecksumsEntry} says {expected[..Math.Min(12, expected.Length)]}… (archive corrupted or tampered)");
    }
}
