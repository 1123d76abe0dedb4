using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spatial.Models;

/// <summary>The one JSON shape of manifests and registry files: camelCase, indented, strict about unknown members.</summary>
public static class ManifestJson
{
    /// <summary>Serializer options shared by manifest and registry files.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Serialises a manifest.</summary>
    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options) + "\n";

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> with the failing path on malformed input.</summary>
    public static ModelManifest Deserialize(string json) =>
        JsonSerializer.Deserialize<ModelManifest>(json, Options) ?? throw new JsonException("manifest is null");
}
