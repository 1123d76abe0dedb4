using Spatial.Build;
using Spatial.Build.IO;

namespace Spatial.Tests.Build.Support;

/// <summary>Runs a test build in a fresh temporary root (with <c>.nuke/</c>) and captures what it prints.</summary>
internal sealed class BuildHarness : IDisposable
{
    public BuildHarness()
    {
        Root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "spatial-build-tests", Guid.NewGuid().ToString("N")));
        (Root / ".nuke").CreateDirectory();
    }

    public AbsolutePath Root { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the run starts; the root when null.</summary>
    public AbsolutePath? WorkingDirectory { get; set; }

    /// <summary>Every file the runs wrote under <c>.nuke/temp</c>.</summary>
    public IReadOnlyList<AbsolutePath> TemporaryFiles => (Root / ".nuke" / "temp").GetFiles(recursive: true);

    public RunResult Run<T>(T build, params string[] args) where T : NukeBuild => RunWithDefaults(build, args);

    public RunResult Run<T>(T build, string[] args, CancellationToken cancellation) where T : NukeBuild => Run(build, args, [], cancellation);

    public RunResult RunWithDefaults<T>(T build, string[] args, params System.Linq.Expressions.Expression<Func<T, Target>>[] defaults) where T : NukeBuild =>
        Run(build, args, defaults, CancellationToken.None);

    private RunResult Run<T>(T build, string[] args, System.Linq.Expressions.Expression<Func<T, Target>>[] defaults, CancellationToken cancellation) where T : NukeBuild
    {
        using var output = new StringWriter();
        var exitCode = BuildRunner.Run(build, new BuildRunOptions
        {
            Arguments = args,
            EnvironmentVariables = Environment,
            RootDirectory = Root,
            WorkingDirectory = WorkingDirectory ?? Root,
            Output = output,
            Width = 200,
            Cancellation = cancellation,
        }, defaults);
        return new RunResult(exitCode, output.ToString());
    }

    public void WriteParameters(string json, string? profile = null) =>
        (Root / ".nuke" / (profile is null ? "parameters.json" : $"parameters.{profile}.json")).WriteAllText(json);

    public void Dispose() => Root.DeleteDirectory();
}

internal sealed record RunResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
