using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Rollouts;

/// <summary>
/// Production takes only what staging runs: the prerequisite environment must serve this very release (service build,
/// model and commit), read back from its replicas on the host, not from a file on the deploying machine.
/// </summary>
public static class PrerequisiteGate
{
    /// <summary>Why <paramref name="release"/> may not go to <paramref name="environment"/>, or null when it may.</summary>
    public static async Task<string?> CheckAsync(IDeploymentHost host, DeploymentEnvironment environment, Release release, CancellationToken cancellationToken = default)
    {
        if (environment.Prerequisite is not { } prerequisite || environment.Strategy != RolloutStrategy.BlueGreen)
            return null;
        var replicas = (await host.ListAsync(prerequisite.Name, cancellationToken)).Where(i => i.Role == InstanceRole.Replica && i.Running).ToList();
        if (replicas.Count == 0)
            return $"release {release.Id} never passed {prerequisite.Name}: nothing serves {prerequisite.Name} on the {host.Kind} host. Deploy it there first: ./build.sh Deploy --environment {prerequisite.Name}";
        var served = replicas.Select(r => r.Release?.Id ?? "(unknown)").Distinct().ToList();
        return served.Contains(release.Id)
            ? null
            : $"release {release.Id} never passed {prerequisite.Name}: {prerequisite.Name} serves {string.Join(", ", served)}. Deploy this release to {prerequisite.Name} first";
    }
}
