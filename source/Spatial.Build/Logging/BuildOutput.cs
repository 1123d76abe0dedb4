using Spectre.Console;
using Spectre.Console.Rendering;

namespace Spatial.Build.Logging;

/// <summary>Where a running build prints: a Spectre console over a secret-masking writer, with a verbosity filter.</summary>
internal sealed class BuildOutput
{
    private readonly MaskingTextWriter _writer;
    private readonly bool _ansi;

    public BuildOutput(TextWriter writer, SecretMask mask, bool ansi, int width, bool gitHubActions)
    {
        Mask = mask;
        _ansi = ansi;
        _writer = new MaskingTextWriter(writer, mask);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = width;
        // What a build writes through AnsiConsole (tables, rules) is information: masked, as wide as the log, hidden when quiet.
        InformationConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new LevelFilteringTextWriter(_writer, () => IsEnabled(LogLevel.Information))),
        });
        InformationConsole.Profile.Width = width;
        GitHubActions = gitHubActions;
    }

    public IAnsiConsole Console { get; }

    /// <summary>Stands in for <see cref="AnsiConsole.Console"/> while the build runs.</summary>
    public IAnsiConsole InformationConsole { get; }

    public SecretMask Mask { get; }

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    public bool GitHubActions { get; }

    public void WriteLine(string text = "", Style? style = null)
    {
        // Redirected output (CI, files) keeps each message on one line; a terminal wraps at its width.
        if (_ansi)
            Console.WriteLine(Mask.Apply(text), style ?? Style.Plain);
        else
            _writer.WriteLine(Mask.Apply(text));
    }

    public void Write(IRenderable renderable) => Console.Write(renderable);

    public void WriteLog(LogLevel level, string text)
    {
        if (!IsEnabled(level))
            return;
        // Log lines are never wrapped: CI logs and grep need one message per line.
        var colour = level switch
        {
            LogLevel.Error => "\u001b[31m",
            LogLevel.Warning => "\u001b[33m",
            LogLevel.Verbose or LogLevel.Debug => "\u001b[90m",
            _ => null,
        };
        foreach (var line in text.Split('\n'))
        {
            var masked = Mask.Apply(line.TrimEnd('\r'));
            _writer.WriteLine(_ansi && colour is not null ? colour + masked + "\u001b[0m" : masked);
        }
    }

    /// <summary>As NUKE: quiet shows errors, minimal adds warnings, normal adds information and tool output, verbose everything.</summary>
    public bool IsEnabled(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
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
