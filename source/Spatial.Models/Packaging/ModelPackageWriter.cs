using Spatial.Models.Safetensors;

namespace Spatial.Models;

/// <summary>Writes a package directory: the weights file, then a manifest whose artifact list carries its SHA-256 and size.</summary>
public static class ModelPackageWriter
{
    /// <summary>
    /// Writes <paramref name="tensors"/> and the manifest into <paramref name="directory"/>, which must not exist
    /// yet; everything is written to a sibling temp directory first and renamed into place, so a failure leaves nothing half-written.
    /// Returns the manifest as written (with its artifacts filled in).
    /// </summary>
    public static ModelManifest Write(string directory, ModelManifest manifest, IEnumerable<Float32Tensor> tensors)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full))
            throw new IOException($"{full} already exists; a model version is written once and never overwritten");
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            var written = WriteInto(temp, manifest, tensors);
            Directory.Move(temp, full);
            return written;
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>Writes weights and manifest into an existing directory (used for temporary packages).</summary>
    public static ModelManifest WriteInto(string directory, ModelManifest manifest, IEnumerable<Float32Tensor> tensors)
    {
        var bytes = SafetensorsWriter.ToBytes(tensors, new Dictionary<string, string> { ["format"] = "pt", ["model"] = manifest.DisplayName });
        File.WriteAllBytes(Path.Combine(directory, PackageFiles.WeightsFileName), bytes);
        var written = manifest with
        {
            Artifacts =
            [
                new ModelArtifact
                {
                    File = PackageFiles.WeightsFileName, Sha256 = PackageFiles.Sha256(bytes), Size = bytes.LongLength,
                    TensorSha256 = TensorChecksums.Of(SafetensorsFile.Parse(bytes)),
                },
            ],
        };
        WriteManifest(directory, written);
        return written;
    }

    /// <summary>Rewrites manifest.json of a package directory (e.g. to add metrics).</summary>
    public static void WriteManifest(string directory, ModelManifest manifest) =>
        File.WriteAllText(Path.Combine(directory, PackageFiles.ManifestFileName), ManifestJson.Serialize(manifest));
}
