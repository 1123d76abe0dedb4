using System.Text;
using System.Text.Json;
using Spatial.Build.IO;
using Spatial.Build.Parameters;

namespace Spatial.Build.Execution;

/// <summary>Writes <c>.nuke/build.schema.json</c>: the parameters with their types and the target names, for editors and completion.</summary>
internal static class BuildSchema
{
    public static bool WriteIfChanged(AbsolutePath file, IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<ExecutableTarget> targets)
    {
        var content = Create(parameters, targets);
        if (file.FileExists() && file.ReadAllText() == content)
            return false;
        file.WriteAllText(content);
        return true;
    }

    public static string Create(IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<ExecutableTarget> targets)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteStartObject("definitions");
            WriteEnum(json, "ExecutableTarget", targets.Select(x => x.Name));
            WriteEnum(json, "Verbosity", Enum.GetNames<Verbosity>());
            foreach (var type in parameters.Select(x => ElementType(x.Type)).Where(x => ValueConverter.AcceptedValues(x) is not null).Distinct().OrderBy(x => x.Name, StringComparer.Ordinal))
                WriteEnum(json, type.Name, ValueConverter.AcceptedValues(type)!);
            json.WriteStartObject("NukeBuild");
            json.WriteStartObject("properties");
            WriteProperty(json, "Continue", "boolean", null, "Resumes the last failed run");
            WriteProperty(json, "Help", "boolean", null, "Shows the help");
            WriteProperty(json, "NoLogo", "boolean", null, "Omits the header line");
            WriteProperty(json, "Plan", "boolean", null, "Prints the execution plan");
            WriteProperty(json, "Profile", "array", "string", "Parameter profiles to layer over parameters.json, in order");
            WriteProperty(json, "Root", "string", null, "Root directory of the build");
            WriteTargetArray(json, "Skip", "Targets to skip");
            WriteTargetArray(json, "Target", "Targets to run");
            json.WriteStartObject("Verbosity");
            json.WriteString("description", "Logging verbosity");
            json.WriteString("$ref", "#/definitions/Verbosity");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("allOf");
            json.WriteStartObject();
            json.WriteStartObject("properties");
            foreach (var parameter in parameters.OrderBy(x => x.Name, StringComparer.Ordinal))
                WriteParameter(json, parameter);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("$ref", "#/definitions/NukeBuild");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterDescriptor parameter)
    {
        json.WriteStartObject(parameter.Name);
        if (parameter.Description is { } description)
            json.WriteString("description", description);
        var element = ElementType(parameter.Type);
        var isEnum = ValueConverter.AcceptedValues(element) is not null;
        if (parameter.Type.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, element, isEnum);
            json.WriteEndObject();
        }
        else
        {
            WriteType(json, element, isEnum);
        }

        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, Type type, bool isEnum)
    {
        if (isEnum)
        {
            json.WriteString("$ref", $"#/definitions/{type.Name}");
            return;
        }

        json.WriteString("type", JsonType(type));
        if (type == typeof(TimeSpan))
            json.WriteString("pattern", @"^(\d+(\.\d+)?(ms|s|min|m|h|d)|\d+(:\d{2}){1,2}(\.\d+)?)$");
    }

    private static string JsonType(Type type) =>
        type == typeof(bool) ? "boolean"
        : type == typeof(int) || type == typeof(long) ? "integer"
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "number"
        : "string";

    private static Type ElementType(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    private static void WriteEnum(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, string type, string? itemType, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        json.WriteString("description", description);
        if (itemType is not null)
        {
            json.WriteStartObject("items");
            json.WriteString("type", itemType);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTargetArray(Utf8JsonWriter json, string name, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "array");
        json.WriteString("description", description);
        json.WriteStartObject("items");
        json.WriteString("$ref", "#/definitions/ExecutableTarget");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
