using Spectre.Console;
using Spectre.Console.Rendering;

namespace Spatial.Build.Logging;

/// <summary>Where a running build prints: a Spectre console over a secret-masking writer, with a verbosity filter.</summary>
internal sealed class BuildOutput
{
    private readonly MaskingTextWriter _writer;

    public BuildOutput(TextWriter writer, SecretMask mask, bool ansi, int width, bool gitHubActions)
    {
        Mask = mask;
        _writer = new MaskingTextWriter(writer, mask);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = width;
        GitHubActions = gitHubActions;
    }

    public IAnsiConsole Console { get; }

    public SecretMask Mask { get; }

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    public bool GitHubActions { get; }

    public void WriteLine(string text = "", Style? style = null) => Console.WriteLine(Mask.Apply(text), style ?? Style.Plain);

    public void Write(IRenderable renderable) => Console.Write(renderable);

    public void WriteLog(LogLevel level, string text)
    {
        if (!IsEnabled(level))
            return;
        var style = level switch
        {
            LogLevel.Error => new Style(Color.Red),
            LogLevel.Warning => new Style(Color.Yellow),
            LogLevel.Verbose or LogLevel.Debug => new Style(Color.Grey),
            _ => Style.Plain,
        };
        foreach (var line in text.Split('\n'))
            WriteLine(line.TrimEnd('\r'), style);
    }

    public bool IsEnabled(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Warning,
        Verbosity.Minimal => level >= LogLevel.Information,
        Verbosity.Normal => level >= LogLevel.Debug,
        _ => true,
    };

    public void Flush() => _writer.FlushPending();
}

/// <summary>Severity of a log line; the verbosity decides which are printed.</summary>
public enum LogLevel
{
    Verbose,
    Debug,
    Information,
    Warning,
    Error,
}
