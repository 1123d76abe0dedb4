namespace Spatial.Build.Tooling;

/// <summary>Fluent process options for every tool's settings; each returns a modified copy.</summary>
public static class ToolSettingsExtensions
{
    public static T SetProcessToolPath<T>(this T settings, string? toolPath) where T : ToolSettings =>
        Modify(settings, x => x.ProcessToolPath = toolPath);

    public static T SetProcessWorkingDirectory<T>(this T settings, string? workingDirectory) where T : ToolSettings =>
        Modify(settings, x => x.ProcessWorkingDirectory = workingDirectory);

    public static T SetProcessEnvironmentVariable<T>(this T settings, string name, string value) where T : ToolSettings =>
        Modify(settings, x => x.ProcessEnvironmentVariables = x.ProcessEnvironmentVariables.SetItem(name, value));

    public static T SetProcessEnvironmentVariables<T>(this T settings, IReadOnlyDictionary<string, string> variables) where T : ToolSettings =>
        Modify(settings, x => x.ProcessEnvironmentVariables = x.ProcessEnvironmentVariables.SetItems(variables));

    /// <summary>Timeout in milliseconds.</summary>
    public static T SetProcessExecutionTimeout<T>(this T settings, int? milliseconds) where T : ToolSettings =>
        Modify(settings, x => x.ProcessExecutionTimeout = milliseconds);

    public static T SetProcessExecutionTimeout<T>(this T settings, TimeSpan timeout) where T : ToolSettings =>
        Modify(settings, x => x.ProcessExecutionTimeout = (int)timeout.TotalMilliseconds);

    public static T SetProcessLogOutput<T>(this T settings, bool? logOutput) where T : ToolSettings =>
        Modify(settings, x => x.ProcessLogOutput = logOutput);

    public static T SetProcessLogInvocation<T>(this T settings, bool? logInvocation) where T : ToolSettings =>
        Modify(settings, x => x.ProcessLogInvocation = logInvocation);

    public static T SetProcessExitHandler<T>(this T settings, Action<ToolSettings, IProcess>? handler) where T : ToolSettings =>
        Modify(settings, x => x.ProcessExitHandler = handler);

    public static T AddProcessAdditionalArguments<T>(this T settings, params string[] arguments) where T : ToolSettings =>
        Modify(settings, x => x.ProcessAdditionalArguments = x.ProcessAdditionalArguments.AddRange(arguments));

    /// <summary>Applies a settings hook: <c>s => s.Apply(CompileSettingsBase).Apply(CompileSettings)</c>.</summary>
    public static T Apply<T>(this T settings, Configure<T>? configurator) where T : ToolSettings =>
        configurator is null ? settings : configurator(settings);

    /// <summary>Copies the settings and applies <paramref name="change"/> to the copy.</summary>
    public static T Modify<T>(T settings, Action<T> change) where T : ToolSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        var copy = settings.Copy<T>();
        change(copy);
        return copy;
    }
}
