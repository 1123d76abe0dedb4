using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Spatial.Build.Execution;

/// <summary>Readable text for condition expressions: <c>() => value(Build).IsRelease</c> → <c>IsRelease</c>.</summary>
internal static partial class ExpressionText
{
    public static string Of(LambdaExpression expression)
    {
        var text = expression.Body.ToString();
        text = Closure().Replace(text, string.Empty);
        text = Cast().Replace(text, "$1");
        return text;
    }

    [GeneratedRegex(@"value\([^()]*\)\.")]
    private static partial Regex Closure();

    [GeneratedRegex(@"Convert\(([^(),]+), [^()]+\)")]
    private static partial Regex Cast();
}
