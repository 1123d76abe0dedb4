using Spatial.Models.Safetensors;

namespace Spatial.Models;

/// <summary>Per-tensor SHA-256 of a weights file: written with the package, checked so a corrupted tensor is named.</summary>
public static class TensorChecksums
{
    /// <summary>The SHA-256 of every tensor's raw bytes, by name.</summary>
    public static IReadOnlyDictionary<string, string> Of(SafetensorsFile weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new SortedDictionary<string, string>(
            weights.Tensors.Keys.ToDictionary(name => name, name => PackageFiles.Sha256(weights.GetBytes(name)), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Null when the file holds exactly the recorded tensors with their recorded checksums; else the first difference.</summary>
    public static string? Problem(SafetensorsFile weights, IReadOnlyDictionary<string, string> recorded)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(recorded);
        var changed = Changed(weights, recorded);
        return changed.Count == 0 ? null : $"tensor checksums differ from the manifest for {string.Join(", ", changed)}";
    }

    /// <summary>For a weights file whose file checksum failed: which tensors differ, or why they cannot be told apart.</summary>
    public static string Differences(string path, IReadOnlyDictionary<string, string> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        try
        {
            var changed = Changed(SafetensorsFile.Read(path), recorded);
            return changed.Count == 0
                ? "every tensor matches its recorded checksum (the header or padding changed)"
                : $"tensors that differ: {string.Join(", ", changed)}";
        }
        catch (SafetensorsFormatException e)
        {
            return $"its header no longer parses, so no tensor can be named ({e.Message})";
        }
    }

    private static List<string> Changed(SafetensorsFile weights, IReadOnlyDictionary<string, string> recorded)
    {
        var changed = recorded
            .Where(r => !weights.Tensors.ContainsKey(r.Key) || !string.Equals(PackageFiles.Sha256(weights.GetBytes(r.Key)), r.Value, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Key);
        var unrecorded = weights.Tensors.Keys.Where(name => !recorded.ContainsKey(name));
        return [.. changed.Concat(unrecorded).Order(StringComparer.Ordinal)];
    }
}
