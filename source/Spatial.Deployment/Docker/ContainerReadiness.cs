using System.Diagnostics;

namespace Spatial.Deployment.Docker;

/// <summary>The polling loop behind <see cref="DockerContainer.WaitUntilReadyAsync"/>.</summary>
internal static class ContainerReadiness
{
    public static async Task WaitAsync(DockerContainer container, IWaitStrategy strategy, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "nothing observed yet";
        while (true)
        {
            if (StoppedReason(await container.InspectAsync(cancellationToken)) is { } stopped)
                throw await NotReadyAsync(container, strategy, stopped, cancellationToken);

            var observation = await strategy.ObserveAsync(container, cancellationToken);
            last = observation.Detail;
            if (observation.State == ReadinessState.Ready)
                return;
            // A container that died meanwhile explains a hopeless observation better than the observation does.
            if (observation.State == ReadinessState.Hopeless)
                throw await NotReadyAsync(container, strategy,
                    StoppedReason(await container.InspectAsync(cancellationToken)) ?? $"will not become ready: {last}", cancellationToken);
            if (stopwatch.Elapsed >= timeout)
                throw await NotReadyAsync(container, strategy, $"was not ready within {timeout.TotalSeconds:0.#} s (last seen: {last})", cancellationToken);
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    private static string? StoppedReason(ContainerDetails details) =>
        details.Running ? null
        : details.OomKilled ? $"was killed for exceeding its memory limit of {details.MemoryLimitBytes / (1 << 20)} MiB"
        : $"stopped ({details.Status}, exit code {details.ExitCode})";

    private static async Task<ContainerNotReadyException> NotReadyAsync(DockerContainer container, IWaitStrategy strategy, string what, CancellationToken cancellationToken)
    {
        var logs = await container.GetLogsAsync(cancellationToken);
        return new ContainerNotReadyException($"container {container.Name} ({container.Spec.Image}) {what}; waited for {strategy.Description}", logs);
    }
}
