using Spatial.Build.IO;

namespace Spatial.Build.Execution;

/// <summary>Records which targets succeeded in the last run so <c>--continue</c> can resume a failed run with the same arguments.</summary>
internal sealed class BuildAttempt(AbsolutePath file, IReadOnlyList<string> arguments)
{
    private readonly string _signature = string.Join(' ', arguments.Where(x => !x.TrimStart('-').Equals("continue", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Targets that succeeded in the last attempt, when it ran with the same arguments.</summary>
    public IReadOnlySet<string> SucceededTargets()
    {
        if (!file.FileExists())
            return new HashSet<string>();
        var lines = File.ReadAllLines(file);
        return lines.Length > 0 && lines[0] == _signature ? lines.Skip(1).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
    }

    public void Record(IReadOnlyList<ExecutableTarget> plan)
    {
        var succeeded = plan.Where(x => x.Status is ExecutionStatus.Succeeded or ExecutionStatus.Collective || x.SkipReason?.Contains("--continue", StringComparison.Ordinal) == true);
        try
        {
            file.WriteAllText(string.Join('\n', succeeded.Select(x => x.Name).Prepend(_signature)) + "\n");
        }
        catch (IOException)
        {
            // Resuming is a convenience; a read-only tree must not fail the build.
        }
    }
}
