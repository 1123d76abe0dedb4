using System.Text.Json;

namespace Spatial.Deployment.Hosting;

/// <summary>What a replica answers at <c>GET /v1/release</c>.</summary>
public sealed record ServedRelease(string? Id, string? ServiceBuild, string? SourceCommit, string? Environment, string? Replica, string ModelName, string ModelVersion, string? ModelManifestSha256)
{
    /// <summary>The path every replica serves it at.</summary>
    public const string Path = "v1/release";

    /// <summary>Reads a <c>/v1/release</c> body; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ServedRelease Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var model = root.GetProperty("model");
        return new ServedRelease(
            Text(root, "id"), Text(root, "serviceBuild"), Text(root, "sourceCommit"), Text(root, "environment"), Text(root, "replica"),
            Text(model, "name") ?? throw new JsonException("model.name is missing"),
            Text(model, "version") ?? throw new JsonException("model.version is missing"),
            Text(model, "manifestSha256"));
    }

    /// <summary>Asks the replica at <paramref name="baseAddress"/>.</summary>
    public static async Task<ServedRelease> GetAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, Path), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {Path} answered {(int)response.StatusCode}: {body}");
        return Parse(body);
    }

    /// <summary>Why this is not <paramref name="release"/>, or null when it is (id, service build and the loaded model's identity all match).</summary>
    public string? MismatchWith(Releases.Release release)
    {
        if (Id != release.Id)
            return $"serves release {Id ?? "(none)"}, expected {release.Id}";
        if (ServiceBuild != release.ServiceBuild)
            return $"runs build {ServiceBuild}, release {release.Id} is {release.ServiceBuild}";
        if (ModelName != release.ModelName || ModelVersion != release.ModelVersion)
            return $"loaded model {ModelName} {ModelVersion}, release {release.Id} has {release.ModelName} {release.ModelVersion}";
        if (ModelManifestSha256 != release.ModelManifestSha256)
            return $"loaded a manifest with SHA-256 {ModelManifestSha256?[..12]}…, release {release.Id} pins {release.ModelManifestSha256[..12]}…";
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
