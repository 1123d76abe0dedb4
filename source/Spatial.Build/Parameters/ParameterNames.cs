using System.Text;
using System.Text.RegularExpressions;

namespace Spatial.Build.Parameters;

/// <summary>How parameter and target names are written and matched.</summary>
internal static partial class ParameterNames
{
    // Compound words kept whole when splitting camel humps.
    private static readonly string[] CompoundWords = ["NuGet", "GitHub", "DotNet", "GitLab", "TeamCity"];

    /// <summary><c>ModelVersion</c> → <c>model-version</c>; <c>NuGetApiKey</c> → <c>nuget-api-key</c>.</summary>
    public static string ToDashed(string memberName)
    {
        var text = memberName;
        foreach (var word in CompoundWords)
            text = text.Replace(word, word[0] + word[1..].ToLowerInvariant(), StringComparison.Ordinal);
        return string.Join('-', CamelHumps().Split(text).Where(x => x.Length > 0)).ToLowerInvariant();
    }

    /// <summary>Letters and digits only, lower-case: the key every name is matched by.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[-_ ]+")]
    private static partial Regex CamelHumps();
}
