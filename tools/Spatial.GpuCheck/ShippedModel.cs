using Spatial.Models;
using Spatial.Models.Registry;

namespace Spatial.GpuCheck;

/// <summary>The newest registered version of the registry's model under a models folder (the repository's <c>models/</c>).</summary>
internal static class ShippedModel
{
    /// <summary>Loads and verifies the package; a missing or damaged folder fails with the path and what is wrong.</summary>
    public static ModelPackage Load(string modelsRoot)
    {
        var root = Path.GetFullPath(modelsRoot);
        if (!File.Exists(Path.Combine(root, ModelRegistry.FileName)))
            throw new ModelPackageException($"no model registry at {Path.Combine(root, ModelRegistry.FileName)}: run from the repository root or pass --models <folder>");
        var registry = new ModelRegistry(root);
        var document = registry.Read();
        var name = ModelRegistry.DefaultModelName(document);
        return ModelPackage.Load(registry.PackageDirectory(ModelRegistry.Version(document, name, version: null)));
    }
}
