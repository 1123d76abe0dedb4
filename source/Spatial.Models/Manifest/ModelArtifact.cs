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
}
