using System.Text.Json;

namespace Spatial.Security;

/// <summary>Parses a tool's JSON output, turning a syntax error into the caller's own exception (which names the source).</summary>
internal static class JsonInput
{
    public static JsonDocument Parse(string json, Func<JsonException, Exception> error)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw error(e);
        }
    }
}
