using Spatial.Build.Generation;

namespace Spatial.Build.CI;

/// <summary>
/// Compares the committed generated files (workflows) with what the build generates now and fails with one line per
/// drifted file. Call <see cref="Verify"/> from the build's <c>OnBuildInitialized</c> so every normal build checks.
/// </summary>
public static class ConfigurationDriftCheck
{
    /// <summary>Fails the build when a generated file is missing or differs from the build definition.</summary>
    public static void Verify(NukeBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var context = new ConfigurationContext(build, ConfigurationGeneration.AllTargets(build), build.RootDirectory);
        var problems = Describe(context);
        if (problems.Count > 0)
            throw new BuildFailedException(string.Join(System.Environment.NewLine, problems));
    }

    /// <summary>One line per generated file that is missing or differs; empty when all are current.</summary>
    public static IReadOnlyList<string> Describe(ConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<string>();
        foreach (var generator in ConfigurationGeneration.Discover(context.Build.GetType()))
        {
            var file = generator.GetOutputPath(context.RootDirectory);
            var relative = file.GetRelativePathFrom(context.RootDirectory).Replace('\\', '/');
            var regenerate = $"./build.sh --generate-configuration {generator.Id}";
            if (!file.FileExists())
            {
                problems.Add($"{relative} is missing: generate it with {regenerate}");
                continue;
            }

            if (Summarize(file.ReadAllText(), generator.Generate(context)) is { } summary)
                problems.Add($"{relative} is out of date with the build definition ({summary}): regenerate with {regenerate}");
        }

        return problems;
    }

    /// <summary>"2 lines added, 1 removed, first at line 40: committed 'x', generated 'y'", or null when the texts match.</summary>
    internal static string? Summarize(string committed, string generated)
    {
        var old = Lines(committed);
        var now = Lines(generated);
        if (old.SequenceEqual(now, StringComparer.Ordinal))
            return null;
        var first = 0;
        while (first < old.Length && first < now.Length && old[first] == now[first])
            first++;
        var common = LongestCommonSubsequence(old, now);
        var at = $"first at line {first + 1}: committed {Quote(old, first)}, generated {Quote(now, first)}";
        return $"{Count(now.Length - common, "line")} added, {old.Length - common} removed, {at}";
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');

    private static string Quote(string[] lines, int index) => index < lines.Length ? $"'{lines[index].Trim()}'" : "(end of file)";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
