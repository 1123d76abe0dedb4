using System.Text.Json;
using Spatial.Build.IO;

namespace Spatial.Build.Parameters;

/// <summary>Raw parameter text from every source, strongest first: command line, environment, NUKE_ environment, profile files (the later first), parameters.json.</summary>
internal sealed class ParameterSources
{
    private readonly CommandLineArguments _commandLine;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _workingDirectory;
    private readonly string _rootDirectory;
    private readonly List<(string Source, Dictionary<string, JsonElement> Values)> _files = [];

    /// <summary>Text for one parameter; relative paths in it resolve against <paramref name="BaseDirectory"/>.</summary>
    public sealed record RawValue(IReadOnlyList<string> Values, string Source, bool FromCommandLine, string BaseDirectory);

    public ParameterSources(CommandLineArguments commandLine, IReadOnlyDictionary<string, string> environment, AbsolutePath rootDirectory, string workingDirectory, IReadOnlyList<string> profiles)
    {
        _commandLine = commandLine;
        _environment = environment;
        _workingDirectory = workingDirectory;
        _rootDirectory = rootDirectory;
        var nukeDirectory = rootDirectory / ".nuke";
        if (!nukeDirectory.DirectoryExists())
            return;
        foreach (var profile in profiles.Reverse())
        {
            var profileFile = nukeDirectory / $"parameters.{profile}.json";
            if (!profileFile.FileExists())
                throw new BuildFailedException($"Profile '{profile}' not found: expected {profileFile}.");
            _files.Add((profileFile.Name, ReadJson(profileFile)));
        }

        var defaults = nukeDirectory / "parameters.json";
        if (defaults.FileExists())
            _files.Add((defaults.Name, ReadJson(defaults)));
    }

    public RawValue? Find(ParameterDescriptor parameter)
    {
        if (_commandLine.Values(parameter.Name) is { } commandLineValues)
            return new RawValue(commandLineValues, "command line", FromCommandLine: true, _workingDirectory);
        if (FindEnvironment(parameter) is { } environmentValue)
            return environmentValue;
        // Files belong to the repository, so their paths are relative to its root.
        foreach (var (source, values) in _files)
        {
            var entry = values.FirstOrDefault(x => ParameterNames.Normalize(x.Key) == parameter.Key);
            if (entry.Key is not null)
                return new RawValue(FromJson(entry.Value, parameter, source), source, FromCommandLine: false, _rootDirectory);
        }

        return null;
    }

    /// <summary>Fails on a key in a parameters file that names nothing the build reads, as the command line does.</summary>
    public void ValidateFileKeys(IReadOnlyCollection<string> knownNames)
    {
        foreach (var (source, values) in _files)
        {
            foreach (var key in values.Keys)
            {
                if (knownNames.Any(x => ParameterNames.Normalize(x) == ParameterNames.Normalize(key)))
                    continue;
                if (CommandLineArguments.IsEngineSwitch(key))
                    throw new BuildFailedException($"'{key}' in {source} is an engine switch, read from the command line only: pass --{ParameterNames.ToDashed(key)} instead.");
                var closest = EditDistance.Closest(key, knownNames, maxResults: 1);
                var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
                throw new BuildFailedException($"Unknown parameter '{key}' in {source}.{hint} Run with --help to list the parameters.");
            }
        }
    }

    private RawValue? FindEnvironment(ParameterDescriptor parameter)
    {
        // Exact name first, then letters-and-digits match (MODEL_VERSION), then the NUKE_ prefixed form.
        string? key = _environment.ContainsKey(parameter.Name) ? parameter.Name : null;
        key ??= _environment.Keys.Where(x => !x.StartsWith("NUKE_", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(x => ParameterNames.Normalize(x) == parameter.Key);
        key ??= _environment.Keys.Where(x => x.StartsWith("NUKE_", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(x => ParameterNames.Normalize(x[5..]) == parameter.Key);
        if (key is null)
            return null;
        return new RawValue(Split(_environment[key], parameter), $"environment variable {key}", FromCommandLine: false, _workingDirectory);
    }

    private static IReadOnlyList<string> Split(string text, ParameterDescriptor parameter)
    {
        if (!parameter.Type.IsArray)
            return [text];
        return parameter.Attribute.Separator is { Length: > 0 } separator
            ? text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static IReadOnlyList<string> FromJson(JsonElement element, ParameterDescriptor parameter, string source) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(x => Scalar(x, parameter, source)).ToList(),
        JsonValueKind.String => Split(element.GetString()!, parameter),
        _ => [Scalar(element, parameter, source)],
    };

    private static string Scalar(JsonElement element, ParameterDescriptor parameter, string source) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => throw new BuildFailedException($"Invalid value {element.GetRawText()} for parameter {parameter.Name} in {source}: expected a string, number, boolean or array of them."),
    };

    private static Dictionary<string, JsonElement> ReadJson(AbsolutePath file)
    {
        try
        {
            using var document = JsonDocument.Parse(file.ReadAllText(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BuildFailedException($"{file} must contain a JSON object.");
            return document.RootElement.EnumerateObject()
                .Where(x => x.Name != "$schema")
                .ToDictionary(x => x.Name, x => x.Value.Clone(), StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException exception)
        {
            throw new BuildFailedException($"{file} is not valid JSON: {exception.Message}", exception);
        }
    }
}
