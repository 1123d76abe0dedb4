using System.Security.Cryptography;
using System.Text;
using Spatial.Build.IO;

namespace Spatial.Build.Execution;

/// <summary>Records which targets succeeded in the last run so <c>--continue</c> can resume a failed run with the same arguments.</summary>
/// <remarks>The invocation is stored as a SHA-256 hash, as NUKE does: arguments may carry secrets, and nothing the build writes may.</remarks>
internal sealed class BuildAttempt(AbsolutePath file, IReadOnlyList<string> arguments)
{
    private readonly string _invocationHash = Hash(arguments.Where(x => !x.TrimStart('-').Equals("continue", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Targets that succeeded in the last attempt; empty when there was none, null when it ran with other arguments.</summary>
    public IReadOnlySet<string>? SucceededTargets()
    {
        if (!file.FileExists())
            return new HashSet<string>();
        var lines = File.ReadAllLines(file);
        return lines.Length > 0 && lines[0] == _invocationHash ? lines.Skip(1).ToHashSet(StringComparer.Ordinal) : null;
    }

    public void Record(IReadOnlyList<ExecutableTarget> plan)
    {
        var succeeded = plan.Where(x => x.Status is ExecutionStatus.Succeeded or ExecutionStatus.Collective || x.SkipReason?.Contains("--continue", StringComparison.Ordinal) == true);
        try
        {
            file.WriteAllText(string.Join('\n', succeeded.Select(x => x.Name).Prepend(_invocationHash)) + "\n");
        }
        catch (IOException)
        {
            // Resuming is a convenience; a read-only tree must not fail the build.
        }
    }

    // Each argument is length-prefixed so "a b" and "a", "b" hash differently.
    private static string Hash(IEnumerable<string> invocation) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(invocation.Select(x => $"{x.Length}:{x}")))));
}
