using Spectre.Console;

namespace Spatial.Build.Logging;

/// <summary>The few styles the engine prints with.</summary>
internal static class ConsoleStyles
{
    public static readonly Style Error = new(Color.Red);
    public static readonly Style Warning = new(Color.Yellow);
    public static readonly Style Success = new(Color.Green);
    public static readonly Style Header = new(Color.Blue, decoration: Decoration.Bold);
    public static readonly Style Dim = new(Color.Grey);
}
