using Spatial.Models.Training;

namespace Spatial.Models.Tests;

/// <summary>Locates the reference model the repository ships and copies it into scratch model roots.</summary>
internal static class ShippedModel
{
    public const string Version = "1.0.0";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ModelsRoot => Path.Combine(RepositoryRoot, "models");

    public static string PackageDirectory => Path.Combine(ModelsRoot, ReferenceArchitecture.ModelName, Version);

    public static string GoldenDirectory => Path.Combine(RepositoryRoot, "tests", "Spatial.Models.Tests", "golden");

    /// <summary>Copies the shipped package to root/pizza-doneness/version, rewriting the manifest's version when it differs.</summary>
    public static string CopyTo(string modelsRoot, string version = Version, Func<ModelManifest, ModelManifest>? edit = null)
    {
        var target = Path.Combine(modelsRoot, ReferenceArchitecture.ModelName, version);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(PackageDirectory))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        if (version != Version || edit is not null)
        {
            var manifestPath = Path.Combine(target, PackageFiles.ManifestFileName);
            var manifest = ManifestJson.Deserialize(File.ReadAllText(manifestPath)) with { Version = version };
            ModelPackageWriter.WriteManifest(target, edit?.Invoke(manifest) ?? manifest);
        }
        return target;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spatial.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Spatial.sln) above " + AppContext.BaseDirectory);
    }
}
