using System.Security.Cryptography;
using System.Text;

namespace Spatial.Deployment.Releases;

/// <summary>A folder's content hash: every file's relative path and bytes, in ordinal path order. Names a published build.</summary>
public static class FolderHash
{
    /// <summary><c>sha256:&lt;hex&gt;</c> over <paramref name="folder"/>'s files.</summary>
    public static string Of(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder} does not exist");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            using var stream = File.OpenRead(Path.Combine(folder, file));
            hash.AppendData(BitConverter.GetBytes(stream.Length));
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
