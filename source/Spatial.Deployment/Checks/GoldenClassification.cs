using System.Net.Http.Headers;
using System.Text.Json;

namespace Spatial.Deployment.Checks;

/// <summary>
/// Sends golden images (<c>&lt;expected label&gt;.png</c>) to a running service's <c>POST /v1/classify</c> and compares
/// the <c>label</c> it answers with the file name.
/// </summary>
public static class GoldenClassification
{
    /// <summary>One golden image's outcome.</summary>
    /// <param name="File">The image file name.</param>
    /// <param name="Expected">The label its name promises.</param>
    /// <param name="Actual">The label the service answered, or null when it did not answer with one.</param>
    /// <param name="Problem">Why there is no label (status code and body), when there is none.</param>
    public sealed record Result(string File, string Expected, string? Actual, string? Problem)
    {
        /// <summary>Whether the service answered the expected label.</summary>
        public bool Passed => Actual == Expected;
    }

    /// <summary>Classifies every <c>*.png</c> in <paramref name="goldenDirectory"/> through the service at <paramref name="baseAddress"/>.</summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(Uri baseAddress, string goldenDirectory, CancellationToken cancellationToken = default)
    {
        var images = Directory.Exists(goldenDirectory) ? Directory.GetFiles(goldenDirectory, "*.png").Order(StringComparer.Ordinal).ToList() : [];
        if (images.Count == 0)
            throw new FileNotFoundException($"no golden images (<label>.png) in {goldenDirectory}");

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<Result>();
        foreach (var image in images)
        {
            var expected = Path.GetFileNameWithoutExtension(image);
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(image, cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var response = await http.PostAsync("v1/classify", content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            results.Add(response.IsSuccessStatusCode && LabelOf(body) is { } label
                ? new Result(Path.GetFileName(image), expected, label, null)
                : new Result(Path.GetFileName(image), expected, null, $"HTTP {(int)response.StatusCode}: {body}"));
        }
        return results;
    }

    private static string? LabelOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
