using Spatial.Models.Safetensors;

namespace Spatial.Models;

/// <summary>One model version on disk (manifest.json plus weights), verified when loaded.</summary>
public sealed class ModelPackage
{
    private ModelPackage(string directory, ModelManifest manifest, SafetensorsFile weights)
    {
        Directory = directory;
        Manifest = manifest;
        Weights = weights;
    }

    /// <summary>The manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The package directory (full path).</summary>
    public string Directory { get; }

    /// <summary>The verified weights.</summary>
    public SafetensorsFile Weights { get; }

    /// <summary>
    /// Loads the package in <paramref name="directory"/>, verifying integrity (SHA-256, sizes), structure
    /// (tensor shapes vs manifest) and compatibility with this kernel library.
    /// </summary>
    /// <exception cref="ModelPackageException">The first failing check, in one line.</exception>
    public static ModelPackage Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new ModelPackageException($"model package {full}: directory does not exist");
        PackageInspection inspection;
        try
        {
            inspection = PackageInspector.Inspect(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelPackageException($"model package {full}: cannot read: {e.Message}", e);
        }
        var failed = inspection.Checks.FirstOrDefault(c => !c.Passed);
        if (failed is not null)
        {
            var who = inspection.Manifest?.DisplayName ?? full;
            throw new ModelPackageException($"model package {who}: {failed.Name}: {failed.Message}");
        }
        return new ModelPackage(full, inspection.Manifest!, inspection.Weights!);
    }
}
