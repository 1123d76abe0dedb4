using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Spatial.Security.Checks;

/// <summary>
/// A <c>docker save</c> archive read without an engine: its manifest, the image configuration, and the files of each layer.
/// Both layouts Docker writes are read (legacy <c>&lt;id&gt;/layer.tar</c> and OCI <c>blobs/sha256/…</c>): manifest.json names the paths.
/// </summary>
public sealed class ImageArchive
{
    private readonly string _path;
    private readonly IReadOnlyList<string> _layers;

    private ImageArchive(string path, ImageConfiguration configuration, IReadOnlyList<string> layers)
    {
        _path = path;
        Configuration = configuration;
        _layers = layers;
    }

    /// <summary>The image's configuration.</summary>
    public ImageConfiguration Configuration { get; }

    /// <summary>Opens the archive; throws <see cref="InvalidDataException"/> when it is not a docker save archive.</summary>
    public static ImageArchive Open(string path)
    {
        var manifestJson = ReadEntry(path, "manifest.json") ?? throw new InvalidDataException($"{path} is not a docker save archive: no manifest.json");
        using var manifest = JsonDocument.Parse(manifestJson);
        if (manifest.RootElement.ValueKind != JsonValueKind.Array || manifest.RootElement.GetArrayLength() == 0)
            throw new InvalidDataException($"{path}: manifest.json lists no image");
        var image = manifest.RootElement[0];
        var configPath = image.GetProperty("Config").GetString() ?? throw new InvalidDataException($"{path}: manifest.json names no Config");
        var reference = image.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0
            ? tags[0].GetString() ?? configPath
            : configPath;
        var layers = image.GetProperty("Layers").EnumerateArray().Select(l => l.GetString() ?? "").ToList();
        var configJson = ReadEntry(path, configPath) ?? throw new InvalidDataException($"{path}: the configuration {configPath} is missing");
        return new ImageArchive(path, ParseConfiguration(configJson, reference), layers);
    }

    /// <summary>Calls <paramref name="visit"/> with each regular file of each layer up to <paramref name="maxBytes"/> (path inside the image, content).</summary>
    public void ForEachLayerFile(long maxBytes, Action<string, byte[]> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        using var archive = File.OpenRead(_path);
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            if (!_layers.Contains(entry.Name) || entry.DataStream is null)
                continue;
            using var layer = OpenLayer(entry.DataStream);
            using var files = new TarReader(layer);
            while (files.GetNextEntry() is { } file)
            {
                if (file.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || file.DataStream is null || file.Length > maxBytes)
                    continue;
                using var content = new MemoryStream();
                file.DataStream.CopyTo(content);
                visit("/" + file.Name.TrimStart('.', '/'), content.ToArray());
            }
        }
    }

    internal static ImageConfiguration ParseConfiguration(string json, string reference)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string[] Strings(string name) => config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];
        string[] Keys(string name) => config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? v.EnumerateObject().Select(x => x.Name).ToArray()
            : [];
        var user = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("User", out var u) ? u.GetString() ?? "" : "";
        var healthcheck = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Healthcheck", out var h) && h.TryGetProperty("Test", out var test)
            && test.ValueKind == JsonValueKind.Array && test.GetArrayLength() > 0 && test[0].GetString() != "NONE";
        var labels = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object
            ? l.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString() ?? "")
            : [];
        var history = root.TryGetProperty("history", out var hist) && hist.ValueKind == JsonValueKind.Array
            ? hist.EnumerateArray().Select(x => x.TryGetProperty("created_by", out var by) ? by.GetString() ?? "" : "").ToArray()
            : [];
        return new ImageConfiguration(reference, user, healthcheck, Strings("Env"), labels, Keys("ExposedPorts"), history);
    }

    private static Stream OpenLayer(Stream data)
    {
        // Layers are plain tar in docker save archives; a gzip magic number means a compressed one.
        var buffered = new MemoryStream();
        data.CopyTo(buffered);
        buffered.Position = 0;
        if (buffered.Length > 2 && buffered.GetBuffer()[0] == 0x1f && buffered.GetBuffer()[1] == 0x8b)
            return new GZipStream(buffered, CompressionMode.Decompress);
        return buffered;
    }

    private static string? ReadEntry(string path, string name)
    {
        using var archive = File.OpenRead(path);
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name != name || entry.DataStream is null)
                continue;
            using var text = new StreamReader(entry.DataStream);
            return text.ReadToEnd();
        }

        return null;
    }
}
