using Spatial.Deployment.Docker;
using Spatial.Deployment.Images;

namespace Spatial.Deployment.Checks;

/// <summary>
/// Stage 4's proof that an image works: run it with a memory limit and a read-only root on a random 127.0.0.1 port,
/// wait for Docker's healthy state, classify the golden images through it, and check that no process runs as root
/// and the container stayed within its limit. The container is always removed; on failure its logs are given.
/// </summary>
public static class ContainerSmokeTest
{
    /// <summary>What the container showed.</summary>
    /// <param name="Container">The container's name.</param>
    /// <param name="Golden">Each golden image's outcome.</param>
    /// <param name="Uids">Numeric user ids of its processes.</param>
    /// <param name="Details">Its state after the checks.</param>
    /// <param name="MemoryLimitBytes">The limit it was given.</param>
    public sealed record Result(string Container, IReadOnlyList<GoldenClassification.Result> Golden, IReadOnlyList<int> Uids, ContainerDetails Details, long MemoryLimitBytes)
    {
        /// <summary>One line per check that failed; empty when the image passed.</summary>
        public IReadOnlyList<string> Problems
        {
            get
            {
                var problems = new List<string>();
                if (!Golden.All(r => r.Passed))
                    problems.Add($"{Golden.Count(r => !r.Passed)} of {Golden.Count} golden images were misclassified in the container");
                if (Uids.Count == 0 || Uids.Any(uid => uid == 0))
                    problems.Add($"the container runs a process as root (uids: {string.Join(", ", Uids)})");
                if (!Details.Running || Details.OomKilled || Details.MemoryLimitBytes != MemoryLimitBytes)
                    problems.Add($"the container did not stay within {MemoryLimitBytes >> 20} MiB (running: {Details.Running}, OOM-killed: {Details.OomKilled})");
                return problems;
            }
        }
    }

    /// <summary>Runs the checks on <paramref name="image"/>; throws <see cref="ContainerNotReadyException"/> (with logs) when it never gets healthy.</summary>
    public static async Task<Result> RunAsync(
        DockerEngine engine, DockerRun run, string image, string goldenDirectory, long memoryLimitBytes, Action<string> log, CancellationToken cancellationToken = default)
    {
        var spec = new ContainerSpec(run, image)
        {
            PublishedPorts = [ServiceImage.ContainerPort],
            MemoryLimitBytes = memoryLimitBytes,
            ReadOnlyRootFilesystem = true,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = "size=64m" },
        };
        await using var container = await engine.Containers.StartAsync(spec, cancellationToken);
        try
        {
            await container.WaitUntilReadyAsync(WaitFor.DockerHealthy(), TimeSpan.FromMinutes(2), cancellationToken);
            var address = container.GetBaseAddress(ServiceImage.ContainerPort);
            log($"Container {container.Name} is healthy on {address}");
            var golden = await GoldenClassification.RunAsync(address, goldenDirectory, cancellationToken);
            foreach (var result in golden)
                log($"{result.File}: expected {result.Expected}, got {result.Actual ?? result.Problem}");
            var uids = await container.GetProcessUidsAsync(cancellationToken);
            var details = await container.InspectAsync(cancellationToken);
            var outcome = new Result(container.Name, golden, uids, details, memoryLimitBytes);
            if (outcome.Problems.Count > 0)
                log($"Container {container.Name} logs:\n{await container.GetLogsAsync(CancellationToken.None)}");
            return outcome;
        }
        catch (Exception e) when (e is not ContainerNotReadyException)
        {
            log($"Container {container.Name} logs:\n{await container.GetLogsAsync(CancellationToken.None)}");
            throw;
        }
    }
}
