using System.IO.Compression;
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
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [PackagePrefix + PackageFiles.ManifestFileName] = File.ReadAllBytes(Path.Combine(directory, PackageFiles.ManifestFileName)),
        };
        foreach (var artifact in manifest.Artifacts)
            files[PackagePrefix + artifact.File] = File.ReadAllBytes(Path.Combine(directory, artifact.File));
        var entry = new ArchivedEntry(name, document.Models[name].Classes, registered with { Tests = [], Path = "" });
        files[RegistryEntry] = JsonSerializer.SerializeToUtf8Bytes(entry, ManifestJson.Options);
        var checksums = string.Concat(files.Select(f => $"{PackageFiles.Sha256(f.Value)}  {f.Key}\n"));

        var full = Path.GetFullPath(archivePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                foreach (var (path, bytes) in files.Append(new(ChecksumsEntry, Encoding.UTF8.GetBytes(checksums))))
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
    /// Verifies the archive (checksums, no stray or unsafe entries, the package loads, the registry entry matches it)
    /// and installs it as a registered version under the registry's root.
    /// </summary>
    public static RegisteredVersion Import(ModelRegistry registry, string archivePath)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var files = ReadVerified(archivePath);
        ArchivedEntry entry;
        try
        {
            entry = JsonSerializer.Deserialize<ArchivedEntry>(files[RegistryEntry], ManifestJson.Options)
                ?? throw new RegistryException($"{archivePath}: {RegistryEntry} is empty");
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{archivePath}: {RegistryEntry} is malformed: {e.Message.Split('\n')[0]}", e);
        }
        if (!SemanticVersion.TryParse(entry.Version.Version, out _) || !PackageFiles.IsPlainFileName(entry.Model))
            throw new RegistryException($"{archivePath}: registry entry names an invalid model or version");
        var target = Path.Combine(registry.Root, entry.Model, entry.Version.Version);
        if (Directory.Exists(target))
            throw new RegistryException($"{entry.Model} {entry.Version.Version} already exists at {target}; versions are immutable");
        Directory.CreateDirectory(registry.Root);
        var staging = Path.Combine(registry.Root, $".import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (path, bytes) in files.Where(f => f.Key.StartsWith(PackagePrefix, StringComparison.Ordinal)))
                File.WriteAllBytes(Path.Combine(staging, path[PackagePrefix.Length..]), bytes);
            ModelPackage package;
            try
            {
                package = ModelPackage.Load(staging);
            }
            catch (ModelPackageException e)
            {
                throw new RegistryException($"{archivePath}: the package inside does not verify: {e.Message}", e);
            }
            var manifestHash = PackageFiles.Sha256(files[PackagePrefix + PackageFiles.ManifestFileName]);
            if (package.Manifest.Name != entry.Model || package.Manifest.Version != entry.Version.Version || manifestHash != entry.Version.ManifestSha256)
                throw new RegistryException($"{archivePath}: registry entry ({entry.Model} {entry.Version.Version}) does not match the package inside ({package.Manifest.DisplayName})");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
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

    private static Dictionary<string, byte[]> ReadVerified(string archivePath)
    {
        if (!File.Exists(archivePath))
            throw new RegistryException($"archive {archivePath} does not exist");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var zip = ZipFile.OpenRead(archivePath);
            foreach (var zipEntry in zip.Entries)
            {
                var name = zipEntry.FullName;
                var safe = name == ChecksumsEntry || name == RegistryEntry
                    || (name.StartsWith(PackagePrefix, StringComparison.Ordinal) && PackageFiles.IsPlainFileName(name[PackagePrefix.Length..]));
                if (!safe)
                    throw new RegistryException($"{archivePath}: unexpected entry '{name}'");
                if (zipEntry.Length > 512L * 1024 * 1024)
                    throw new RegistryException($"{archivePath}: entry '{name}' is larger than 512 MiB");
                using var stream = zipEntry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                if (!files.TryAdd(name, buffer.ToArray()))
                    throw new RegistryException($"{archivePath}: entry '{name}' appears twice");
            }
        }
        catch (InvalidDataException e)
        {
            throw new RegistryException($"{archivePath} is not a readable zip archive: {e.Message}", e);
        }
        if (!files.TryGetValue(ChecksumsEntry, out var checksumBytes))
            throw new RegistryException($"{archivePath}: no {ChecksumsEntry}");
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(checksumBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || !files.TryGetValue(parts[1], out var bytes))
                throw new RegistryException($"{archivePath}: {ChecksumsEntry} lists '{(parts.Length == 2 ? parts[1] : line)}' which the archive lacks");
            var actual = PackageFiles.Sha256(bytes);
            if (actual != parts[0])
                throw new RegistryException($"{archivePath}: {parts[1]} SHA-256 is {actual[..12]}…, {ChecksumsEntry} says {parts[0][..Math.Min(12, parts[0].Length)]}… (archive corrupted or tampered)");
            listed.Add(parts[1]);
        }
        var unlisted = files.Keys.FirstOrDefault(k => k != ChecksumsEntry && !listed.Contains(k));
        if (unlisted is not null)
            throw new RegistryException($"{archivePath}: entry '{unlisted}' is not covered by {ChecksumsEntry}");
        if (!files.ContainsKey(RegistryEntry) || !files.ContainsKey(PackagePrefix + PackageFiles.ManifestFileName))
            throw new RegistryException($"{archivePath}: missing {RegistryEntry} or the package manifest");
        return files;
    }
}
