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

    internal static void Write(LogLevel level, string messageTemplate, object?[] args) =>
        WriteTo(Current, level, Render(messageTemplate, args));

    internal static void WriteTo(BuildOutput? output, LogLevel level, string text)
    {
        if (output is not null)
            output.WriteLog(level, text);
        else if (level >= LogLevel.Information)
            (level >= LogLevel.Warning ? Console.Error : Console.Out).WriteLine(text);
    }

    /// <summary>Fills <c>{Name}</c> holes with the arguments in order; <c>{{</c> and <c>}}</c> are literal braces.</summary>
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
                result.Append(Format(args[next++]));
                i = close;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
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
