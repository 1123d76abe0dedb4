using Spatial.Models;

namespace Spatial.Service.Model;

/// <summary>
/// Finds the model directory to serve: the configured path, or else the newest version under the nearest
/// <c>models/</c> folder (holding <c>registry.json</c>) above the working directory or the application directory.
/// </summary>
public static class ModelLocation
{
    /// <summary>The registry file that marks a models folder.</summary>
    public const string RegistryFileName = "registry.json";

    /// <summary>The directory to load, or a <see cref="FileNotFoundException"/> with a one-line reason.</summary>
    public static string Resolve(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return Path.GetFullPath(configuredPath);

        var modelsFolder = FindModelsFolder(Directory.GetCurrentDirectory()) ?? FindModelsFolder(AppContext.BaseDirectory)
            ?? throw new FileNotFoundException(
                $"no model configured and no models/{RegistryFileName} found above {Directory.GetCurrentDirectory()}; set Spatial:Model:Path (env Spatial__Model__Path)");
        return NewestVersion(modelsFolder);
    }

    private static string? FindModelsFolder(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models");
            if (File.Exists(Path.Combine(candidate, RegistryFileName)))
                return candidate;
        }
        return null;
    }

    private static string NewestVersion(string modelsFolder)
    {
        var versions = Directory.EnumerateDirectories(modelsFolder)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(directory => File.Exists(Path.Combine(directory, PackageFiles.ManifestFileName)))
            .Select(directory => (Directory: directory, Version: SemanticVersion.TryParse(Path.GetFileName(directory), out var version) ? version : null))
            .Where(candidate => candidate.Version is not null)
            .ToList();
        var names = versions.Select(candidate => Path.GetFileName(Path.GetDirectoryName(candidate.Directory))).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count != 1)
        {
            throw new FileNotFoundException(names.Count == 0
                ? $"{modelsFolder} holds no model version (models/<name>/<version>/{PackageFiles.ManifestFileName}); set Spatial:Model:Path"
                : $"{modelsFolder} holds several models ({string.Join(", ", names)}); choose one with Spatial:Model:Path");
        }
        return versions.MaxBy(candidate => candidate.Version)!.Directory;
    }
}
