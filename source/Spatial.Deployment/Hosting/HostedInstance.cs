using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Hosting;

/// <summary>A replica or gateway as its host reports it: read back from the host (labels, records), never remembered.</summary>
/// <param name="Id">The host's id: a container id, or <c>pid:&lt;pid&gt;</c> on the process host.</param>
/// <param name="Name">Unique name within the host, e.g. <c>spatial-staging-r1</c>.</param>
/// <param name="Role">Replica or gateway.</param>
/// <param name="Deployment">The deployment it belongs to (an environment's name, or a test deployment's).</param>
/// <param name="Environment">The environment whose shape it runs.</param>
/// <param name="Release">The release it was started with (replicas), as its labels say.</param>
/// <param name="BaseAddress">Where it answers on 127.0.0.1.</param>
/// <param name="AdminAddress">The gateway's loopback admin address; null for replicas.</param>
/// <param name="Run">The run that started it.</param>
/// <param name="Persistent">Whether it is a deployment meant to outlive the run (stage 8), not a test deployment.</param>
/// <param name="Running">Whether its process is alive (the pid and its start time still match, or the container runs).</param>
public sealed record HostedInstance(
    string Id,
    string Name,
    InstanceRole Role,
    string Deployment,
    string Environment,
    Release? Release,
    Uri BaseAddress,
    Uri? AdminAddress,
    string Run,
    bool Persistent,
    bool Running);
