namespace Spatial.Build.Parameters;

/// <summary>The command line split into positional target names and <c>--name values…</c> options (last occurrence wins).</summary>
internal sealed class CommandLineArguments
{
    /// <summary>The engine's own switches: never reported as unknown parameters.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> EngineSwitchDescriptions =
    [
        ("continue", "Resumes the last failed run: targets that succeeded in it are skipped."),
        ("generate-configuration", "Regenerates the CI configuration with the given id (all when no id is given)."),
        ("help", "Shows this help."),
        ("no-logo", "Omits the header line."),
        ("plan", "Prints the execution plan and writes .nuke/temp/execution-plan.html."),
        ("profile", "Layers .nuke/parameters.<profile>.json over .nuke/parameters.json; several apply in order, the later winning."),
        ("root", "Root directory of the build (default: the nearest folder above with .nuke/)."),
        ("skip", "Skips the given targets, or every target that was not invoked when given alone."),
        ("target", "Targets to run (also positional: ./build.sh A B, or A+B)."),
        ("verbosity", "Quiet, Minimal, Normal or Verbose."),
    ];

    public static readonly IReadOnlyList<string> EngineSwitches = [.. EngineSwitchDescriptions.Select(x => x.Name)];

    // Switches whose occurrences add up instead of the last one winning: --profile ci --profile gpu.
    private static readonly string[] CumulativeSwitches = ["profile"];

    private readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);

    public sealed record Option(string Name, IReadOnlyList<string> Values);

    private CommandLineArguments(IReadOnlyList<string> positional)
    {
        Positional = positional;
    }

    /// <summary>Target names given before the first option (with <c>A+B</c> split).</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Options in order of first appearance, keyed by normalised name.</summary>
    public IEnumerable<Option> Options => _options.Values;

    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var index = 0;
        for (; index < args.Count && !IsOptionToken(args[index]); index++)
            positional.AddRange(SplitTargets(args[index]));
        var result = new CommandLineArguments(positional);
        while (index < args.Count)
        {
            var name = args[index].TrimStart('-');
            var values = new List<string>();
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values.Add(name[(equals + 1)..]);
                name = name[..equals];
            }

            for (index++; index < args.Count && !IsOptionToken(args[index]); index++)
                values.Add(args[index]);
            var key = ParameterNames.Normalize(name);
            if (key == "h")
                (key, name) = ("help", "help");
            if (CumulativeSwitches.Contains(key) && result._options.TryGetValue(key, out var earlier))
                values.InsertRange(0, earlier.Values);
            // Last occurrence wins: remove first so the option moves to its latest position.
            result._options.Remove(key);
            result._options[key] = new Option(name, values);
        }

        return result;
    }

    public bool Has(string name) => _options.ContainsKey(ParameterNames.Normalize(name));

    public IReadOnlyList<string>? Values(string name) =>
        _options.TryGetValue(ParameterNames.Normalize(name), out var option) ? option.Values : null;

    public string? Single(string name) => Values(name) is { Count: > 0 } values ? string.Join(' ', values) : null;

    public static bool IsEngineSwitch(string name) =>
        EngineSwitches.Any(x => ParameterNames.Normalize(x) == ParameterNames.Normalize(name));

    public static IEnumerable<string> SplitTargets(string text) =>
        text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "-5" is a value, not an option; "-x" and "--x" are options.
    private static bool IsOptionToken(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.';
}
