using System.Text.Json;

namespace Spatial.LoadTesting.Scenarios;

/// <summary>The checks scenarios use: the status code, and the label of a classification answer.</summary>
public static class ResponseChecks
{
    /// <summary>Passes exactly <paramref name="expected"/>.</summary>
    public static ResponseCheck Status(int expected) =>
        (status, _) => status == expected ? null : $"HTTP {status}";

    /// <summary>Passes a 200 whose JSON body has <c>"label": <paramref name="expected"/></c>.</summary>
    public static ResponseCheck Label(string expected) => (status, body) =>
    {
        if (status != 200)
            return $"HTTP {status}";
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String
                ? label.ValueEquals(expected) ? null : "wrong label"
                : "no label in the answer";
        }
        catch (JsonException)
        {
            return "answer is not JSON";
        }
    };
}
