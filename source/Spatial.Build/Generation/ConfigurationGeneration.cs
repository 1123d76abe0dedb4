using System.Reflection;
using Spatial.Build.Execution;
using Spatial.Build.IO;
using Spatial.Build.Logging;

namespace Spatial.Build.Generation;

/// <summary>Finds the build's configuration generators (attributes implementing <see cref="IConfigurationGenerator"/>), writes their files and checks them for drift.</summary>
public static class ConfigurationGeneration
{
    /// <summary>The generators declared as attributes on the build class.</summary>
    public static IReadOnlyList<IConfigurationGenerator> Discover(Type buildType) =>
        buildType.GetCustomAttributes(inherit: true).OfType<IConfigurationGenerator>().ToList();

    /// <summary>The generated files that differ from what the build would generate now (for a drift check in CI).</summary>
    public static IReadOnlyList<ConfigurationDrift> FindDrift(INukeBuild build, IReadOnlyList<ExecutableTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(build);
        var context = new ConfigurationContext(build, targets, build.RootDirectory);
        var drift = new List<ConfigurationDrift>();
        foreach (var generator in Discover(build.GetType()))
        {
            var file = generator.GetOutputPath(build.RootDirectory);
            if (!file.FileExists())
                drift.Add(new ConfigurationDrift(generator.Id, file, Missing: true));
            else if (Normalize(file.ReadAllText()) != Normalize(generator.Generate(context)))
                drift.Add(new ConfigurationDrift(generator.Id, file, Missing: false));
        }

        return drift;
    }

    /// <summary>The targets of the running build, for drift checks from inside a target.</summary>
    public static IReadOnlyList<ExecutableTarget> AllTargets(NukeBuild build) =>
        build?.Session?.AllTargets ?? throw new InvalidOperationException("The build is not running.");

    internal static int Generate(NukeBuild build, IReadOnlyList<ExecutableTarget> targets, AbsolutePath root, IReadOnlyList<string> ids, BuildOutput output)
    {
        var generators = Discover(build.GetType());
        var selected = ids.Count == 0 ? generators : ids.Select(id => generators.FirstOrDefault(x => x.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
            ?? throw new BuildFailedException($"No configuration generator '{id}'. Known: {(generators.Count == 0 ? "none" : string.Join(", ", generators.Select(x => x.Id)))}.")).ToList();
        if (selected.Count == 0)
            throw new BuildFailedException("The build declares no configuration generators (attributes implementing IConfigurationGenerator).");
        var context = new ConfigurationContext(build, targets, root);
        foreach (var generator in selected)
        {
            var file = generator.GetOutputPath(root);
            file.WriteAllText(generator.Generate(context));
            output.WriteLine($"Generated {file.GetRelativePathFrom(root)} ({generator.Id})");
        }

        return 0;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
