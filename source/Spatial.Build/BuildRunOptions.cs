using Spatial.Build.IO;

namespace Spatial.Build;

/// <summary>Everything a run reads from outside: arguments, environment, directories and where to print.</summary>
public sealed class BuildRunOptions
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables visible to parameter resolution and host detection.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Root directory; when null the nearest folder at or above <see cref="WorkingDirectory"/> holding <c>.nuke/</c>.</summary>
    public AbsolutePath? RootDirectory { get; init; }

    /// <summary>Where relative paths given as parameters are resolved, and where the root search starts.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Whether to emit colours and styles (off for captured output).</summary>
    public bool Ansi { get; init; }

    /// <summary>Console width used for tables.</summary>
    public int Width { get; init; } = 160;

    /// <summary>Cancels the run (Ctrl+C): the running target's processes are ended, later targets do not run, the summary is printed.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Options for a real run: the process's arguments, environment variables, working directory and console.</summary>
    public static BuildRunOptions FromCurrentProcess(CancellationToken cancellation = default)
    {
        var environment = Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(x => (string)x.Key, x => x.Value as string ?? string.Empty, StringComparer.Ordinal);
        var redirected = Console.IsOutputRedirected;
        return new BuildRunOptions
        {
            Arguments = Environment.GetCommandLineArgs().Skip(1).ToList(),
            EnvironmentVariables = environment,
            WorkingDirectory = Environment.CurrentDirectory,
            Output = Console.Out,
            Ansi = !redirected,
            Width = redirected ? 160 : Math.Max(80, SafeWindowWidth()),
            Cancellation = cancellation,
        };
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
