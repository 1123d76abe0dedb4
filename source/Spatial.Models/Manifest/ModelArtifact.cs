namespace Spatial.Models;

/// <summary>A file of the package, with the checksum and size it must have.</summary>
public sealed record ModelArtifact
{
    /// <summary>File name relative to the package directory.</summary>
    public required string File { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>
    /// For a weights file: lower-case hex SHA-256 of each tensor's raw bytes, by tensor name, so a corrupted file names
    /// the tensors that changed, not only itself. Null in packages written before it existed.
    /// </summary>
    public IReadOnlyDictionary<string, string>? TensorSha256 { get; init; }
}
