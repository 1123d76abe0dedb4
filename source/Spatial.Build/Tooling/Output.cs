namespace Spatial.Build.Tooling;

/// <summary>Which stream a line of process output came from.</summary>
public enum OutputType
{
    Std,
    Err,
}

/// <summary>One line of process output.</summary>
public readonly record struct Output(OutputType Type, string Text);
