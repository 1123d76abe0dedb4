using System.Text.Json;
using System.Text.RegularExpressions;
using Spatial.Kernels;
using Spatial.Models.Safetensors;

namespace Spatial.Models;

/// <summary>
/// Checks a package directory stage by stage: manifest, integrity (sizes, SHA-256), structure (tensors vs
/// declared layers) and compatibility (encoders vs head, specs vs this kernel library). A stage runs only
/// when the one before it passed, since it relies on what that stage established.
/// </summary>
public static partial class PackageInspector
{
    /// <summary>Inspects the package in <paramref name="directory"/>.</summary>
    public static PackageInspection Inspect(string directory)
    {
        var checks = new List<ValidationCheck>();
        var manifest = ReadManifest(directory, checks);
        if (manifest is null)
            return new PackageInspection(null, null, checks);
        var weightsPath = CheckIntegrity(directory, manifest, checks);
        if (weightsPath is null)
            return new PackageInspection(manifest, null, checks);
        var weights = CheckStructure(manifest, weightsPath, checks);
        if (weights is null)
            return new PackageInspection(manifest, null, checks);
        checks.Add(CheckCompatibility(manifest));
        return new PackageInspection(manifest, weights, checks);
    }

    private static ModelManifest? ReadManifest(string directory, List<ValidationCheck> checks)
    {
        var path = Path.Combine(directory, PackageFiles.ManifestFileName);
        if (!File.Exists(path))
        {
            checks.Add(ValidationCheck.Fail(ValidationCheck.ManifestCheck, $"no {PackageFiles.ManifestFileName} in {directory}"));
            return null;
        }
        ModelManifest manifest;
        try
        {
            manifest = ManifestJson.Deserialize(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            checks.Add(ValidationCheck.Fail(ValidationCheck.ManifestCheck, $"{PackageFiles.ManifestFileName} is malformed: {FirstLine(e.Message)}"));
            return null;
        }
        var problem = ManifestProblem(manifest);
        checks.Add(problem is null
            ? ValidationCheck.Pass(ValidationCheck.ManifestCheck, $"{manifest.DisplayName}, {manifest.Classes.Count} classes, {manifest.Artifacts.Count} artifact(s)")
            : ValidationCheck.Fail(ValidationCheck.ManifestCheck, problem));
        return problem is null ? manifest : null;
    }

    private static string? ManifestProblem(ModelManifest m)
    {
        if (m.Schema != ModelManifest.CurrentSchema)
            return $"schema '{m.Schema}' is not supported (this library reads {ModelManifest.CurrentSchema})";
        if (!NamePattern().IsMatch(m.Name))
            return $"name '{m.Name}' must be lower-case letters, digits and dashes";
        if (!SemanticVersion.TryParse(m.Version, out _))
            return $"version '{m.Version}' is not a semantic version (MAJOR.MINOR.PATCH)";
        if (!SemanticVersion.TryParse(m.VisualEncoder.Version, out _) || !SemanticVersion.TryParse(m.SpatialEncoder.Version, out _))
            return "encoder versions must be semantic versions";
        if (m.Classes.Count < 2 || m.Classes.Distinct(StringComparer.Ordinal).Count() != m.Classes.Count || m.Classes.Any(string.IsNullOrWhiteSpace))
            return "classes must be at least two distinct, non-empty labels";
        if (m.Artifacts.Count == 0)
            return "no artifacts listed";
        var bad = m.Artifacts.FirstOrDefault(a => !PackageFiles.IsPlainFileName(a.File));
        if (bad is not null)
            return $"artifact '{bad.File}' is not a plain file name inside the package";
        if (m.Artifacts.Count(a => a.File.EndsWith(".safetensors", StringComparison.Ordinal)) != 1)
            return "exactly one .safetensors artifact must hold the weights";
        var input = m.VisualEncoder.Input;
        if (input.Width <= 0 || input.Height <= 0 || input.Mean.Count != 3 || input.Std.Count != 3 || input.Std.Any(s => !(s > 0)))
            return "visual encoder input needs a positive size, three means and three positive standard deviations";
        if (m.SpatialEncoder.Features.GridSize <= 0 || m.SpatialEncoder.Features.FeaturesPerPatch <= 0)
            return "spatial encoder features need a positive grid size and feature count";
        return null;
    }

    // Sizes come from the file system and hashes from a stream, so a huge or lying artifact costs no memory;
    // returns the weights file's path once every artifact matches.
    private static string? CheckIntegrity(string directory, ModelManifest manifest, List<ValidationCheck> checks)
    {
        string? weights = null;
        foreach (var artifact in manifest.Artifacts)
        {
            var path = Path.Combine(directory, artifact.File);
            if (!File.Exists(path))
            {
                checks.Add(ValidationCheck.Fail(ValidationCheck.Integrity, $"{artifact.File} is missing"));
                return null;
            }
            var size = new FileInfo(path).Length;
            if (size != artifact.Size)
            {
                checks.Add(ValidationCheck.Fail(ValidationCheck.Integrity, $"{artifact.File} is {size} bytes, manifest says {artifact.Size}"));
                return null;
            }
            var hash = PackageFiles.Sha256OfFile(path);
            if (!string.Equals(hash, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                var tensors = artifact.TensorSha256 is { } expected ? "; " + TensorChecksums.Differences(path, expected) : "";
                checks.Add(ValidationCheck.Fail(ValidationCheck.Integrity, $"{artifact.File} SHA-256 is {hash[..12]}…, manifest says {Prefix(artifact.Sha256)}… (file modified or corrupted){tensors}"));
                return null;
            }
            if (artifact.File.EndsWith(".safetensors", StringComparison.Ordinal))
                weights = path;
        }
        checks.Add(ValidationCheck.Pass(ValidationCheck.Integrity, $"{manifest.Artifacts.Count} artifact(s), sizes and SHA-256 match"));
        return weights;
    }

    private static SafetensorsFile? CheckStructure(ModelManifest manifest, string weightsPath, List<ValidationCheck> checks)
    {
        // The layers first: their sizes bound everything the weights file and the kernels will be asked to hold.
        if (LayerChainProblem(manifest) is { } layerProblem)
        {
            checks.Add(ValidationCheck.Fail(ValidationCheck.Structure, layerProblem));
            return null;
        }
        SafetensorsFile weights;
        try
        {
            weights = SafetensorsFile.Read(weightsPath);
        }
        catch (SafetensorsFormatException e)
        {
            checks.Add(ValidationCheck.Fail(ValidationCheck.Structure, $"weights file: {e.Message}"));
            return null;
        }
        var recorded = manifest.Artifacts.Single(a => a.File.EndsWith(".safetensors", StringComparison.Ordinal)).TensorSha256;
        var problem = TensorProblem(manifest, weights) ?? (recorded is null ? null : TensorChecksums.Problem(weights, recorded)) ?? NonFiniteProblem(weights);
        checks.Add(problem is null
            ? ValidationCheck.Pass(ValidationCheck.Structure, $"{weights.Tensors.Count} tensors match the declared layers, every value finite")
            : ValidationCheck.Fail(ValidationCheck.Structure, problem));
        return problem is null ? weights : null;
    }

    // A NaN or infinite weight poisons every logit it reaches; the accuracy check would only see "low accuracy".
    private static string? NonFiniteProblem(SafetensorsFile weights)
    {
        foreach (var name in weights.Tensors.Keys.Order(StringComparer.Ordinal))
        {
            var values = weights.GetFloat32(name);
            var bad = values.Count(v => !float.IsFinite(v));
            if (bad > 0)
                return $"tensor '{name}' holds {bad} non-finite values (NaN or infinity) of {values.Length}";
        }
        return null;
    }

    private static string? LayerChainProblem(ModelManifest m)
    {
        var visual = m.VisualEncoder.Layers;
        if (visual.Count == 0 || visual[^1].Kind != LayerSpec.GlobalAveragePool)
            return "visual encoder must end with a global-average-pool layer";
        var channels = 3;
        var input = m.VisualEncoder.Input;
        if (input.Width > LayerBounds.MaxInputSide || input.Height > LayerBounds.MaxInputSide)
            return $"visual encoder input {input.Width}x{input.Height} is larger than {LayerBounds.MaxInputSide} per side";
        long height = input.Height, width = input.Width;
        foreach (var layer in visual.Take(visual.Count - 1))
        {
            if (layer.Kind != LayerSpec.Conv2d)
                return $"visual layer '{layer.Name}': only conv2d layers may precede the pooling";
            if (layer.Inputs != channels)
                return $"visual layer '{layer.Name}' takes {layer.Inputs} channels but receives {channels}";
            if (LayerBounds.ConvProblem(layer, height, width) is { } bounds)
                return $"visual layer '{layer.Name}' {bounds}";
            (height, width) = (LayerBounds.ConvOutput(height, layer), LayerBounds.ConvOutput(width, layer));
            channels = layer.Outputs;
        }
        if (channels != m.VisualEncoder.EmbeddingSize)
            return $"visual encoder produces {channels} values but declares embedding size {m.VisualEncoder.EmbeddingSize}";
        return DenseChainProblem("spatial", m.SpatialEncoder.Layers, m.SpatialEncoder.EmbeddingSize)
            ?? DenseChainProblem("head", m.Head.Layers, m.Head.Classes)
            ?? (m.Head.Classes != m.Classes.Count ? $"head has {m.Head.Classes} outputs but the manifest lists {m.Classes.Count} classes" : null)
            ?? (m.Head.Layers[0].Inputs != m.Head.InputSize ? $"head's first layer takes {m.Head.Layers[0].Inputs} inputs but the head declares {m.Head.InputSize}" : null);
    }

    private static string? DenseChainProblem(string part, IReadOnlyList<LayerSpec> layers, int outputs)
    {
        if (layers.Count == 0)
            return $"{part} has no layers";
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i].Kind != LayerSpec.Dense)
                return $"{part} layer '{layers[i].Name}': only dense layers are supported";
            if (layers[i].Inputs <= 0 || layers[i].Outputs <= 0)
                return $"{part} layer '{layers[i].Name}' has no inputs or outputs";
            if (LayerBounds.DenseProblem(layers[i]) is { } bounds)
                return $"{part} layer '{layers[i].Name}' {bounds}";
            if (i > 0 && layers[i].Inputs != layers[i - 1].Outputs)
                return $"{part} layer '{layers[i].Name}' takes {layers[i].Inputs} inputs but receives {layers[i - 1].Outputs}";
        }
        return layers[^1].Outputs != outputs ? $"{part} produces {layers[^1].Outputs} values but declares {outputs}" : null;
    }

    private static string? TensorProblem(ModelManifest m, SafetensorsFile weights)
    {
        var expected = m.VisualEncoder.Layers.Concat(m.SpatialEncoder.Layers).Concat(m.Head.Layers)
            .SelectMany(l => l.ExpectedTensors()).ToList();
        foreach (var (name, shape) in expected)
        {
            if (!weights.Tensors.TryGetValue(name, out var entry))
                return $"tensor '{name}' is missing from the weights file";
            if (entry.DType != TensorDType.F32)
                return $"tensor '{name}' is {entry.DType}, expected {TensorDType.F32}";
            if (!entry.Shape.SequenceEqual(shape.Select(d => (long)d)))
                return $"tensor '{name}' has shape {entry.ShapeText}, manifest implies [{string.Join(", ", shape)}]";
        }
        var unexpected = weights.Tensors.Keys.Except(expected.Select(e => e.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault();
        return unexpected is null ? null : $"tensor '{unexpected}' is not used by any declared layer";
    }

    /// <summary>Dual-encoder compatibility: the head fits both encoders and both specs fit this kernel library.</summary>
    public static ValidationCheck CheckCompatibility(ModelManifest m)
    {
        var input = m.VisualEncoder.Input;
        if (!KernelLibrary.SupportedPreprocessVersions.Contains(input.PreprocessVersion))
            return ValidationCheck.Fail(ValidationCheck.Compatibility, $"preprocessing '{input.PreprocessVersion}' is not implemented by this kernel library (supports {string.Join(", ", KernelLibrary.SupportedPreprocessVersions)})");
        var features = m.SpatialEncoder.Features;
        if (!KernelLibrary.SupportedSpatialFeatureVersions.Contains(features.Version))
            return ValidationCheck.Fail(ValidationCheck.Compatibility, $"spatial features '{features.Version}' are not implemented by this kernel library (supports {string.Join(", ", KernelLibrary.SupportedSpatialFeatureVersions)})");
        var kernelFeatures = FeatureLayout.FeaturesPerPatch(features.ToSpatialFeatureSpec());
        if (kernelFeatures != features.FeaturesPerPatch)
            return ValidationCheck.Fail(ValidationCheck.Compatibility, $"the kernel library extracts {kernelFeatures} features per patch for this spec, the model was trained on {features.FeaturesPerPatch}");
        var flattened = features.GridSize * features.GridSize * features.FeaturesPerPatch;
        if (m.SpatialEncoder.Layers[0].Inputs != flattened)
            return ValidationCheck.Fail(ValidationCheck.Compatibility, $"spatial encoder takes {m.SpatialEncoder.Layers[0].Inputs} inputs but a {features.GridSize}x{features.GridSize} grid of {features.FeaturesPerPatch} features gives {flattened}");
        var fused = m.VisualEncoder.EmbeddingSize + m.SpatialEncoder.EmbeddingSize;
        if (m.Head.InputSize != fused)
            return ValidationCheck.Fail(ValidationCheck.Compatibility, $"head input is {m.Head.InputSize} but visual ({m.VisualEncoder.EmbeddingSize}) + spatial ({m.SpatialEncoder.EmbeddingSize}) embeddings give {fused}");
        return ValidationCheck.Pass(ValidationCheck.Compatibility, $"head {m.Head.InputSize} = visual {m.VisualEncoder.EmbeddingSize} + spatial {m.SpatialEncoder.EmbeddingSize}; {input.PreprocessVersion} and {features.Version} supported");
    }

    private static string Prefix(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
