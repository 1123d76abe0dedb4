using System.Text.Json;
using Spatial.Models;

namespace Spatial.Models.Registry;

/// <summary>Reads and atomically writes registry.json; a file that does not parse is reported, never overwritten.</summary>
internal static class RegistryFile
{
    /// <summary>What follows the registry's file name in its temp files' names.</summary>
    public const string TempInfix = ".tmp-";

    public static RegistryDocument Read(string path)
    {
        if (!File.Exists(path))
            return new RegistryDocument();
        RegistryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RegistryDocument>(File.ReadAllText(path), ManifestJson.Options);
        }
        catch (JsonException e)
        {
            throw Corrupt(path, e.Message.Split('\n')[0].Trim(), e);
        }
        if (document is null)
            throw Corrupt(path, "it holds null", null);
        var problem = Problem(document);
        return problem is null ? document : throw Corrupt(path, problem, null);
    }

    // Temp file in the same directory, flushed, then renamed over the original: readers see the old or the new file, never half of one.
    public static void Write(string path, RegistryDocument document)
    {
        var temp = $"{path}{TempInfix}{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, document, ManifestJson.Options);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static string? Problem(RegistryDocument document)
    {
        if (document.Schema != RegistryDocument.CurrentSchema)
            return $"schema '{document.Schema}' is not {RegistryDocument.CurrentSchema}";
        foreach (var (name, model) in document.Models)
        {
            foreach (var version in model.Versions)
            {
                if (!SemanticVersion.TryParse(version.Version, out _))
                    return $"{name} has a version '{version.Version}' that is not semantic";
                if (version.Path.Split('/').Any(s => s is "" or "." or ".." || s.Contains('\\', StringComparison.Ordinal)) || Path.IsPathRooted(version.Path))
                    return $"{name} {version.Version} has a path '{version.Path}' outside the models root";
            }
            if (model.Versions.Select(v => v.Version).Distinct().Count() != model.Versions.Count)
                return $"{name} lists a version twice";
        }
        return null;
    }

    private static RegistryException Corrupt(string path, string reason, Exception? inner)
    {
        var message = $"{path} is corrupt ({reason}); it was left untouched: restore it from version control or repair it";
        return inner is null ? new RegistryException(message) : new RegistryException(message, inner);
    }
}
