using System.Net;
using Docker.DotNet;
using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Hosting.Containers;

/// <summary>
/// The Docker host's deployment lock: a created, never started container named <c>spatial-lock-&lt;environment&gt;</c>
/// and labelled with its owner. The engine refuses a second container of that name, which makes taking the lock
/// atomic for every pipeline that talks to the engine; a lock whose owner process is gone is broken.
/// </summary>
internal sealed class ContainerLock(DockerEngine engine, string id) : IAsyncDisposable
{
    private const string LockLabel = "org.spatial.lock";

    public static async Task<ContainerLock> AcquireAsync(
        DockerEngine engine, DockerRun run, string image, string environment, ProcessIdentity owner, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        var spec = new ContainerSpec(run, image)
        {
            Name = $"spatial-lock-{environment}",
            Labels = new Dictionary<string, string> { [LockLabel] = environment, [HostLabels.Owner] = owner.ToString() },
        };
        while (true)
        {
            try
            {
                return new ContainerLock(engine, await engine.Containers.CreateAsync(spec, cancellationToken));
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                var held = (await engine.Containers.ListAsync(new Dictionary<string, string?> { [LockLabel] = environment }, cancellationToken)).FirstOrDefault();
                var holder = ProcessIdentity.Parse(held?.Labels.GetValueOrDefault(HostLabels.Owner));
                if (held is not null && holder is not { IsAlive: true })
                {
                    await engine.Containers.RemoveAsync(held.Id, cancellationToken);
                    continue;
                }
                if (DateTime.UtcNow >= deadline)
                    throw new DeploymentLockedException(environment, holder?.ToString() ?? "unknown", wait);
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync() => await engine.Containers.RemoveAsync(id, CancellationToken.None);
}
