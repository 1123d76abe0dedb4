using System.Text.RegularExpressions;

namespace Spatial.Deployment.Docker;

/// <summary>Waits until the container's output contains a line matching a pattern.</summary>
internal sealed class LogLineWait(Regex pattern) : IWaitStrategy
{
    public string Description => $"a log line matching /{pattern}/";

    public async Task<ReadinessObservation> ObserveAsync(DockerContainer container, CancellationToken cancellationToken)
    {
        var logs = await container.GetLogsAsync(cancellationToken);
        var match = pattern.Match(logs);
        return match.Success ? ReadinessObservation.Ready($"log line: {match.Value.Trim()}") : ReadinessObservation.NotYet("no matching log line yet");
    }
}
