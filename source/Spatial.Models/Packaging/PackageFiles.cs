using System.Security.Cryptography;

namespace Spatial.Models;

/// <summary>File names and hashing shared by packages, the registry and archives.</summary>
public static class PackageFiles
{
    /// <summary>The manifest's file name inside a package directory.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The weights file name the trainer writes.</summary>
    public const string WeightsFileName = "weights.safetensors";

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Whether <paramref name="name"/> is a plain file name (no directories, no traversal).</summary>
    public static bool IsPlainFileName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name == Path.GetFileName(name) && name is not "." and not ".." && !name.Contains('\\', StringComparison.Ordinal);
}
