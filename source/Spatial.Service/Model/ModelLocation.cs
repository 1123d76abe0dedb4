using Spatial.Models;
using Spatial.Models.Registry;
using Spatial.Service.Options;

namespace Spatial.Service.Model;

/// <summary>
/// Finds the model directory to serve: <see cref="ModelOptions.Path"/> when set; otherwise the registry's version
/// (<see cref="ModelOptions.Version"/>, or the newest) of its model, from <see cref="ModelOptions.RegistryRoot"/> or the
/// nearest <c>models/</c> folder holding a registry above the working or application directory.
/// </summary>
public static class ModelLocation
{
    /// <summary>The directory to load; throws with a one-line reason when none can be found.</summary>
    public static string Resolve(ModelOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
            return System.IO.Path.GetFullPath(options.Path);

        var root = !string.IsNullOrWhiteSpace(options.RegistryRoot)
            ? System.IO.Path.GetFullPath(options.RegistryRoot)
            : FindRegistryRoot(Directory.GetCurrentDirectory()) ?? FindRegistryRoot(AppContext.BaseDirectory)
              ?? throw new FileNotFoundException(
                  $"no model configured and no models/{ModelRegistry.FileName} found above {Directory.GetCurrentDirectory()}; set Spatial:Model:Path or Spatial:Model:RegistryRoot");

        var registry = new ModelRegistry(root);
        var document = registry.Read();
        var name = string.IsNullOrWhiteSpace(options.Name) ? ModelRegistry.DefaultModelName(document) : options.Name;
        var version = ModelRegistry.Version(document, name, string.IsNullOrWhiteSpace(options.Version) ? null : options.Version);
        // The registry pins the manifest's checksum: a package edited after registration is refused here.
        if (registry.VerifyProblem(version) is { } problem)
            throw new ModelPackageException($"registered model {name} {version.Version}: {problem}");
        return registry.PackageDirectory(version);
    }

    private static string? FindRegistryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "models");
            if (File.Exists(System.IO.Path.Combine(candidate, ModelRegistry.FileName)))
                return candidate;
        }
        return null;
    }
}
