using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spatial.LoadTesting.Reports;

/// <summary>The report as JSON (camelCase, indented): the machine-readable record of the run.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="report"/>.</summary>
    public static string Render(LoadReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report written by <see cref="Render"/>.</summary>
    public static LoadReport Parse(string json) =>
        JsonSerializer.Deserialize<LoadReport>(json, Options) ?? throw new JsonException("the report is empty");
}
