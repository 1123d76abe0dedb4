using System.Globalization;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Releases;
using Spatial.Models;

namespace Spatial.Deployment.Hosting.Containers;

/// <summary>
/// Releases as containers on one Docker engine: a network per deployment, replicas with the environment's memory and
/// CPU limits and a read-only root, published on 127.0.0.1 only; the gateway on the host network, so it reaches the
/// replicas' loopback ports and its admin endpoint is truly loopback-only. What runs is read back from labels.
/// </summary>
public sealed class DockerHost(DockerEngine engine, DockerRun run, ProcessIdentity? owner = null) : IDeploymentHost
{
    private readonly ProcessIdentity _owner = owner ?? ProcessIdentity.Current;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private const long GatewayMemoryBytes = 256L << 20;
    private readonly SemaphoreSlim _networkGate = new(1, 1);
    private string? _gatewayImage;

    /// <inheritdoc />
    public string Kind => "docker";

    /// <summary>The engine.</summary>
    public DockerEngine Engine => engine;

    /// <inheritdoc />
    public async Task<Release> PrepareReleaseAsync(ReleaseCandidate candidate, CancellationToken cancellationToken = default)
    {
        var service = candidate.ServiceImage ?? throw new InvalidOperationException("the Docker host runs images: no service image was built (run DockerBuild)");
        var gateway = candidate.GatewayImage ?? throw new InvalidOperationException("the Docker host runs images: no gateway image was built (run DockerBuild)");
        var image = await engine.Images.InspectAsync(service, cancellationToken)
            ?? throw new InvalidOperationException($"image {service} does not exist in the engine at {engine.Endpoint} (run DockerBuild)");
        if (await engine.Images.InspectAsync(gateway, cancellationToken) is null)
            throw new InvalidOperationException($"image {gateway} does not exist in the engine at {engine.Endpoint} (run DockerBuild)");
        var modelName = image.Labels.GetValueOrDefault(DockerLabels.ModelName);
        var modelVersion = image.Labels.GetValueOrDefault(DockerLabels.ModelVersion);
        if (modelName != candidate.ModelName || modelVersion != candidate.ModelVersion)
            throw new InvalidOperationException($"image {service} carries model {modelName} {modelVersion}, the candidate is {candidate.ModelName} {candidate.ModelVersion} (rebuild the image)");
        _gatewayImage = gateway;
        var manifest = PackageFiles.Sha256OfFile(Path.Combine(candidate.ModelDirectory, PackageFiles.ManifestFileName));
        var created = DateTimeOffset.TryParse(image.Labels.GetValueOrDefault(DockerLabels.Oci.Created), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamped)
            ? stamped
            : DateTimeOffset.UtcNow;
        return new Release("image:" + image.Id, candidate.ModelName, candidate.ModelVersion, manifest, candidate.SourceCommit, created);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Release>> ListReleasesAsync(CancellationToken cancellationToken = default)
    {
        var images = await engine.Images.ListAsync(DockerLabels.ModelManifestSha256, cancellationToken);
        return images.Select(image =>
        {
            var labels = image.Labels;
            var created = DateTimeOffset.TryParse(labels.GetValueOrDefault(DockerLabels.Oci.Created), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamped)
                ? stamped
                : DateTimeOffset.MinValue;
            return new Release("image:" + image.Id, labels.GetValueOrDefault(DockerLabels.ModelName, ""), labels.GetValueOrDefault(DockerLabels.ModelVersion, ""),
                labels.GetValueOrDefault(DockerLabels.ModelManifestSha256, ""), labels.GetValueOrDefault(DockerLabels.Oci.Revision, ""), created);
        }).Where(r => r.ModelName.Length > 0 && r.SourceCommit.Length > 0).OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <inheritdoc />
    public async Task<HostedInstance> StartReplicaAsync(ReplicaSpec spec, CancellationToken cancellationToken = default)
    {
        // One at a time: replicas start in parallel, and the engine does not stop two creations of one network name.
        string network;
        await _networkGate.WaitAsync(cancellationToken);
        try
        {
            network = await engine.Networks.EnsureAsync(run, NetworkName(spec.Deployment), DeploymentLabels(spec.Deployment, spec.Environment, spec.Persistent), cancellationToken);
        }
        finally
        {
            _networkGate.Release();
        }
        var labels = Labels(spec.Deployment, spec.Environment, InstanceRole.Replica, spec.ReplicaName, spec.Persistent);
        foreach (var (key, value) in ReleaseLabels.Of(spec.Release))
            labels[key] = value;
        var environment = ReleaseLabels.ServiceEnvironment(spec.Release, spec.Environment.Name, spec.ReplicaName);
        environment["Spatial__Model__Accelerator"] = spec.Accelerator.ToString();
        var shape = spec.Environment.Service;
        var containerSpec = new ContainerSpec(run, spec.Release.ServiceBuild["image:".Length..])
        {
            Name = ContainerName(spec.Deployment, spec.ReplicaName),
            Environment = environment,
            Labels = labels,
            PublishedPorts = [ServiceShape.ContainerPort],
            MemoryLimitBytes = shape.MemoryLimitBytes,
            Cpus = shape.Cpus,
            ReadOnlyRootFilesystem = true,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = "size=64m" },
            Network = network,
            AllGpus = spec.Accelerator == Kernels.AcceleratorChoice.Cuda,
        };
        DockerContainer container;
        try
        {
            container = await engine.Containers.StartAsync(containerSpec, cancellationToken);
        }
        catch (global::Docker.DotNet.DockerApiException e)
        {
            if ((await ListAsync(spec.Deployment, CancellationToken.None)).Count == 0)
                await RemoveNetworksAsync(spec.Deployment, CancellationToken.None);
            throw containerSpec.AllGpus && e.ResponseBody.Contains("gpu", StringComparison.OrdinalIgnoreCase)
                ? new InvalidOperationException($"the Docker engine at {engine.Endpoint} cannot give {containerSpec.Name} a GPU (is the NVIDIA container runtime installed?): {e.ResponseBody.Trim()}", e)
                : new InvalidOperationException($"the Docker engine refused to start {containerSpec.Name}: {e.ResponseBody.Trim()}", e);
        }
        return ToInstance(await container.InspectAsync(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<HostedInstance> StartGatewayAsync(GatewaySpec spec, CancellationToken cancellationToken = default)
    {
        var image = _gatewayImage ?? throw new InvalidOperationException("prepare a release on this host first: it names the gateway image");
        var launch = GatewayLaunch.For(spec);
        var labels = launch.Label(Labels(spec.Deployment, spec.Environment, InstanceRole.Gateway, "gateway", spec.Persistent));
        var container = await engine.Containers.StartAsync(new ContainerSpec(run, image)
        {
            Name = ContainerName(spec.Deployment, "gateway"),
            Environment = launch.Environment,
            Labels = labels,
            MemoryLimitBytes = GatewayMemoryBytes,
            ReadOnlyRootFilesystem = true,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = "size=16m" },
            // Host network: the replicas are reached on their 127.0.0.1 ports, never on container addresses.
            Network = "host",
        }, cancellationToken);
        return ToInstance(await container.InspectAsync(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HostedInstance>> ListAsync(string? deployment = null, CancellationToken cancellationToken = default)
    {
        var containers = await engine.Containers.ListAsync(new Dictionary<string, string?> { [HostLabels.Deployment] = deployment }, cancellationToken);
        return containers.Select(ToInstance).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public Task<string> GetLogsAsync(HostedInstance instance, CancellationToken cancellationToken = default) =>
        engine.Containers.GetLogsAsync(instance.Id, cancellationToken);

    /// <inheritdoc />
    public async Task RemoveAsync(HostedInstance instance, CancellationToken cancellationToken = default)
    {
        await engine.Containers.StopAsync(instance.Id, StopGrace, cancellationToken);
        await engine.Containers.RemoveAsync(instance.Id, cancellationToken);
        if ((await ListAsync(instance.Deployment, cancellationToken)).Count == 0)
            await RemoveNetworksAsync(instance.Deployment, cancellationToken);
    }

    private async Task RemoveNetworksAsync(string deployment, CancellationToken cancellationToken)
    {
        // By id: a network name can be ambiguous when a crashed run created it twice.
        foreach (var network in await engine.Networks.ListAsync($"{HostLabels.Deployment}={deployment}", cancellationToken))
            await engine.Networks.RemoveAsync(network.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> LockAsync(string environment, TimeSpan wait, CancellationToken cancellationToken = default) =>
        await ContainerLock.AcquireAsync(engine, run, _gatewayImage ?? throw new InvalidOperationException("prepare a release on this host first: the lock is a container of the gateway image"),
            environment, _owner, wait, cancellationToken);

    /// <inheritdoc />
    public async Task<int> RemoveLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var container in await engine.Containers.ListAsync(new Dictionary<string, string?> { [HostLabels.Deployment] = null }, cancellationToken))
        {
            var instance = ToInstance(container);
            var ownerGone = ProcessIdentity.Parse(container.Labels.GetValueOrDefault(HostLabels.Owner)) is not { IsAlive: true };
            if (!instance.Running || (!instance.Persistent && ownerGone))
            {
                await RemoveAsync(instance, cancellationToken);
                removed++;
            }
        }
        // Networks whose deployment has no container left (a run killed between creating the network and a container).
        var deployments = (await ListAsync(null, cancellationToken)).Select(i => i.Deployment).ToHashSet();
        foreach (var network in await engine.Networks.ListAsync(HostLabels.Deployment, cancellationToken))
        {
            var ownerGone = ProcessIdentity.Parse(network.Labels.GetValueOrDefault(HostLabels.Owner)) is not { IsAlive: true };
            if (ownerGone && !deployments.Contains(network.Labels.GetValueOrDefault(HostLabels.Deployment, "")))
                await engine.Networks.RemoveAsync(network.Id, cancellationToken);
        }
        return removed;
    }

    /// <summary>The network of a deployment.</summary>
    public static string NetworkName(string deployment) => $"spatial-{deployment}";

    private static string ContainerName(string deployment, string member) => $"spatial-{deployment}-{member}";

    private Dictionary<string, string> DeploymentLabels(string deployment, DeploymentEnvironment environment, bool persistent) => new()
    {
        [HostLabels.Owner] = _owner.ToString(),
        [HostLabels.Deployment] = deployment,
        [HostLabels.Environment] = environment.Name,
        [HostLabels.Persistent] = persistent ? "true" : "false",
    };

    private Dictionary<string, string> Labels(string deployment, DeploymentEnvironment environment, InstanceRole role, string member, bool persistent)
    {
        var labels = DeploymentLabels(deployment, environment, persistent);
        labels[HostLabels.Role] = role.ToString();
        labels[HostLabels.Member] = member;
        return labels;
    }

    private static HostedInstance ToInstance(ContainerDetails container)
    {
        var labels = container.Labels;
        var role = Enum.TryParse<InstanceRole>(labels.GetValueOrDefault(HostLabels.Role), out var parsed) ? parsed : InstanceRole.Replica;
        Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        int LabelPort(string key) => int.TryParse(labels.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var port) ? port : 0;
        var address = role == InstanceRole.Gateway
            ? Loopback(LabelPort(HostLabels.GatewayPort))
            : Loopback(container.HostPorts.GetValueOrDefault(ServiceShape.ContainerPort));
        return new HostedInstance(
            container.Id,
            container.Name,
            role,
            labels.GetValueOrDefault(HostLabels.Deployment, ""),
            labels.GetValueOrDefault(HostLabels.Environment, ""),
            ReleaseLabels.Read(labels),
            address,
            role == InstanceRole.Gateway ? Loopback(LabelPort(HostLabels.GatewayAdminPort)) : null,
            labels.GetValueOrDefault(HostLabels.Run, ""),
            labels.GetValueOrDefault(HostLabels.Persistent) == "true",
            container.Running);
    }
}
