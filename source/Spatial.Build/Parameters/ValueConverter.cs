using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spatial.Build.IO;

namespace Spatial.Build.Parameters;

/// <summary>Converts raw parameter text into typed values; a bad value fails naming the parameter, the value and what is accepted.</summary>
internal static partial class ValueConverter
{
    /// <summary>Converts the values given for one parameter (several for arrays) into <paramref name="type"/>.</summary>
    public static object? Convert(Type type, IReadOnlyList<string> values, string parameter, string workingDirectory)
    {
        if (type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var array = Array.CreateInstance(elementType, values.Count);
            for (var i = 0; i < values.Count; i++)
                array.SetValue(ConvertScalar(elementType, values[i], parameter, workingDirectory), i);
            return array;
        }

        if (values.Count == 0)
        {
            return Nullable.GetUnderlyingType(type) == typeof(bool) || type == typeof(bool)
                ? true
                : throw new BuildFailedException($"Parameter {parameter} needs a value{AcceptedSuffix(type)}.");
        }

        return ConvertScalar(type, string.Join(' ', values), parameter, workingDirectory);
    }

    public static object? ConvertScalar(Type type, string text, string parameter, string workingDirectory)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (TryConvert(target, text.Trim(), workingDirectory, out var value))
                return value;
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
        {
            // Reported below with the accepted values.
        }

        throw new BuildFailedException($"Invalid value '{text}' for parameter {parameter}: expected {Describe(target)}.");
    }

    /// <summary>The values an enum or enumeration class accepts, or null for other types.</summary>
    public static IReadOnlyList<string>? AcceptedValues(Type type)
    {
        var target = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
            return Enum.GetNames(target);
        var instances = EnumerationInstances(target);
        return instances.Count > 0 ? instances.Select(x => DisplayValue(x.Value)).ToList() : null;
    }

    /// <summary>A class with public static fields or properties of its own type (recognised by shape, no base class needed).</summary>
    public static bool IsEnumerationClass(Type type) => type.IsClass && type != typeof(string) && EnumerationInstances(type).Count > 0;

    private static bool TryConvert(Type target, string text, string workingDirectory, out object? value)
    {
        value = null;
        if (target == typeof(string))
            value = text;
        else if (target == typeof(bool))
            value = ParseBool(text);
        else if (target == typeof(int))
            value = int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        else if (target == typeof(long))
            value = long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        else if (target == typeof(double))
            value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        else if (target == typeof(float))
            value = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        else if (target == typeof(decimal))
            value = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        else if (target == typeof(TimeSpan))
            value = ParseDuration(text);
        else if (target == typeof(Guid))
            value = Guid.Parse(text);
        else if (target == typeof(Uri))
            value = new Uri(text, UriKind.Absolute);
        else if (target == typeof(AbsolutePath))
            value = AbsolutePath.Create(Path.IsPathRooted(text) ? text : Path.Combine(workingDirectory, text));
        else if (target.IsEnum)
            value = ParseEnum(target, text);
        else if (EnumerationInstances(target) is { Count: > 0 } instances)
            value = instances.FirstOrDefault(x => Matches(x.Name, text) || Matches(DisplayValue(x.Value), text)).Value;
        else
            throw new BuildFailedException($"Parameters of type {target.Name} are not supported.");
        return value is not null;
    }

    private static bool? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };

    private static object? ParseEnum(Type type, string text) =>
        Enum.GetNames(type).FirstOrDefault(name => Matches(name, text)) is { } match ? Enum.Parse(type, match) : null;

    /// <summary>"90s", "5m", "2h", "1d", "250ms", "1.5s", or a TimeSpan such as "00:01:30".</summary>
    private static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            return match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" or "min" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    private static bool Matches(string candidate, string text) =>
        ParameterNames.Normalize(candidate) == ParameterNames.Normalize(text) && ParameterNames.Normalize(text).Length > 0;

    private static List<(string Name, object Value)> EnumerationInstances(Type type)
    {
        // Only classes: value types such as int expose MaxValue-style fields of their own type.
        if (!type.IsClass || type == typeof(string) || type == typeof(AbsolutePath))
            return [];
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        var fields = type.GetFields(flags).Where(x => x.FieldType == type).Select(x => (x.Name, x.GetValue(null)));
        var properties = type.GetProperties(flags).Where(x => x.PropertyType == type && x.GetIndexParameters().Length == 0).Select(x => (x.Name, x.GetValue(null)));
        return fields.Concat(properties).Where(x => x.Item2 is not null).Select(x => (x.Name, x.Item2!)).ToList();
    }

    private static string DisplayValue(object instance) =>
        instance.GetType().GetProperty("Value", BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) as string
        ?? instance.ToString() ?? string.Empty;

    private static string Describe(Type type)
    {
        if (AcceptedValues(type) is { } accepted)
            return $"one of {string.Join(", ", accepted)}";
        return type == typeof(bool) ? "true or false"
            : type == typeof(TimeSpan) ? "a duration such as 90s, 5m, 2h or 00:01:30"
            : type == typeof(AbsolutePath) ? "a path"
            : type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "a number"
            : $"a {type.Name}";
    }

    private static string AcceptedSuffix(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) ? string.Empty : $" ({Describe(target)})";
    }

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>ms|s|min|m|h|d)$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
