using System.Reflection;
using Spatial.Build.Logging;

namespace Spatial.Build.Parameters;

/// <summary>The parameters of one run: validates the command line, injects values and answers TryGetValue.</summary>
internal sealed class ParameterRegistry(IReadOnlyList<ParameterDescriptor> parameters, ParameterSources sources)
{
    private readonly Dictionary<string, object?> _converted = new(StringComparer.Ordinal);

    public IReadOnlyList<ParameterDescriptor> Parameters => parameters;

    /// <summary>Fails on a <c>--name</c> that is neither a parameter nor an engine switch, suggesting the closest names.</summary>
    public void ValidateCommandLine(CommandLineArguments commandLine, IReadOnlyCollection<string> injectedNames)
    {
        foreach (var option in commandLine.Options)
        {
            var key = ParameterNames.Normalize(option.Name);
            if (CommandLineArguments.IsEngineSwitch(option.Name) || parameters.Any(x => x.Key == key) || injectedNames.Any(x => ParameterNames.Normalize(x) == key))
                continue;
            var known = parameters.Select(x => x.DashedName).Concat(injectedNames.Select(ParameterNames.ToDashed)).Concat(CommandLineArguments.EngineSwitches);
            var closest = EditDistance.Closest(option.Name, known);
            var hint = closest.Count > 0 ? $" Did you mean {string.Join(" or ", closest.Select(x => "--" + x))}?" : string.Empty;
            throw new BuildFailedException($"Unknown parameter '--{option.Name}'.{hint} Run with --help to list the parameters.");
        }
    }

    /// <summary>Converts every supplied value (so a bad one fails before anything runs) and writes it into the build.</summary>
    public void Inject(object build, SecretMask mask)
    {
        foreach (var parameter in parameters)
        {
            var found = Resolve(parameter, out var value);
            if (parameter.IsSecret)
                MaskValue(mask, found ? value : TryRead(parameter, build));
            if (found && parameter.Setter is not null)
                parameter.Setter(build, value);
        }
    }

    /// <summary>The value for an interface parameter member, converted to the requested type.</summary>
    public bool TryGetValue(MemberInfo member, out object? value)
    {
        var parameter = parameters.FirstOrDefault(x => x.Member == member)
            ?? parameters.FirstOrDefault(x => x.Key == ParameterNames.Normalize(member.GetCustomAttribute<ParameterAttribute>()?.Name ?? member.Name));
        value = null;
        return parameter is not null && Resolve(parameter, out value);
    }

    /// <summary>Where the parameter's value comes from ("environment variable X", "parameters.json"), or null when no source gives one.</summary>
    public string? SourceOf(ParameterDescriptor parameter) => sources.Find(parameter)?.Source;

    public ParameterDescriptor? Find(MemberInfo member) =>
        parameters.FirstOrDefault(x => x.Member == member)
        ?? parameters.FirstOrDefault(x => x.Member.Name == member.Name && x.Member.DeclaringType == member.DeclaringType)
        ?? parameters.FirstOrDefault(x => x.Key == ParameterNames.Normalize(member.Name));

    private bool Resolve(ParameterDescriptor parameter, out object? value)
    {
        if (_converted.TryGetValue(parameter.Key, out value))
            return true;
        if (sources.Find(parameter) is not { } raw)
            return false;
        var display = raw.FromCommandLine ? $"--{parameter.DashedName}" : $"{parameter.Name} (from {raw.Source})";
        value = ValueConverter.Convert(parameter.Type, raw.Values, display, raw.BaseDirectory);
        _converted[parameter.Key] = value;
        return true;
    }

    private static object? TryRead(ParameterDescriptor parameter, object build)
    {
        try
        {
            return parameter.Getter?.Invoke(build);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static void MaskValue(SecretMask mask, object? value)
    {
        if (value is string text)
            mask.Add(text);
        else if (value is System.Collections.IEnumerable items)
            foreach (var item in items)
                mask.Add(item?.ToString());
        else
            mask.Add(value?.ToString());
    }
}
