using System.Text;

namespace Spatial.Build.Tooling;

/// <summary>Quotes one argument so it survives the argument-string parsing every .NET process start uses.</summary>
public static class ArgumentQuoting
{
    /// <summary>Wraps in double quotes when needed, doubling backslashes that precede a quote.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\r', '"', '\'']) < 0)
            return argument;
        var builder = new StringBuilder(argument.Length + 2).Append('"');
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes before a quote are escapes; before anything else they are literal.
            builder.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            builder.Append(c);
        }

        return builder.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <summary>Joins quoted arguments into one argument string.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));
}
