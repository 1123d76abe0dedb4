using System.Globalization;
using System.Text;
using Spatial.Build.Logging;

namespace Spatial.Build;

/// <summary>Build logging with message templates (<c>"Built {Project}"</c>); masks secrets and honours <c>--verbosity</c>.</summary>
public static class Log
{
    private static readonly AsyncLocal<BuildOutput?> CurrentOutput = new();

    internal static BuildOutput? Current
    {
        get => CurrentOutput.Value;
        set => CurrentOutput.Value = value;
    }

    /// <summary>Shown only with <c>--verbosity verbose</c>.</summary>
    public static void Verbose(string messageTemplate, params object?[] args) => Write(LogLevel.Verbose, messageTemplate, args);

    /// <summary>Shown with normal verbosity and above (tool output goes here).</summary>
    public static void Debug(string messageTemplate, params object?[] args) => Write(LogLevel.Debug, messageTemplate, args);

    public static void Information(string messageTemplate, params object?[] args) => Write(LogLevel.Information, messageTemplate, args);

    public static void Warning(string messageTemplate, params object?[] args) => Write(LogLevel.Warning, messageTemplate, args);

    public static void Error(string messageTemplate, params object?[] args) => Write(LogLevel.Error, messageTemplate, args);

    /// <summary>Logs the message, then the exception (type, message and stack) on the lines below.</summary>
    public static void Error(Exception exception, string messageTemplate, params object?[] args) => Write(LogLevel.Error, exception, messageTemplate, args);

    public static void Warning(Exception exception, string messageTemplate, params object?[] args) => Write(LogLevel.Warning, exception, messageTemplate, args);

    internal static void Write(LogLevel level, string messageTemplate, object?[] args) =>
        WriteTo(Current, level, Render(messageTemplate, args));

    private static void Write(LogLevel level, Exception exception, string messageTemplate, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(exception);
        WriteTo(Current, level, Render(messageTemplate, args) + Environment.NewLine + exception);
    }

    internal static void WriteTo(BuildOutput? output, LogLevel level, string text)
    {
        if (output is not null)
            output.WriteLog(level, text);
        else if (level >= LogLevel.Information)
            (level >= LogLevel.Warning ? Console.Error : Console.Out).WriteLine(text);
    }

    /// <summary>
    /// Fills <c>{Name}</c> holes with the arguments in order; a hole may carry an alignment and a format,
    /// <c>{Ratio,8:0.00}</c>, applied with the invariant culture; <c>{{</c> and <c>}}</c> are literal braces.
    /// </summary>
    internal static string Render(string template, object?[] args)
    {
        if (args.Length == 0 && !template.Contains('{', StringComparison.Ordinal))
            return template;
        var result = new StringBuilder(template.Length + 16);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                result.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                result.Append('}');
                i++;
            }
            else if (c == '{' && template.IndexOf('}', i) is var close and > 0 && next < args.Length)
            {
                result.Append(FormatHole(template[(i + 1)..close], args[next++]));
                i = close;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    // "Name", "Name:format", "Name,alignment" or "Name,alignment:format"; Serilog's @ and $ prefixes are accepted.
    private static string FormatHole(string hole, object? value)
    {
        var colon = hole.IndexOf(':', StringComparison.Ordinal);
        var format = colon >= 0 ? hole[(colon + 1)..] : null;
        var head = colon >= 0 ? hole[..colon] : hole;
        var comma = head.IndexOf(',', StringComparison.Ordinal);
        var alignment = comma >= 0 && int.TryParse(head[(comma + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var width) ? width : 0;
        var text = format is not null && value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : Format(value);
        return alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment);
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? string.Empty,
    };
}
