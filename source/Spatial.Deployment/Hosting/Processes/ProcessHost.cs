using System.Globalization;
using Spatial.Deployment.Releases;
using Spatial.Models;

namespace Spatial.Deployment.Hosting.Processes;

/// <summary>
/// The embedded host: replicas and gateways as local processes on 127.0.0.1 ports, each replica's managed heap capped
/// at the environment's memory and its processor count set. Processes run in their own session and outlive the build;
/// a later build finds them from the state folder and checks each pid's start time, so a dead or reused pid is noticed.
/// </summary>
public sealed class ProcessHost(ProcessHostOptions options) : IDeploymentHost
{
    private const string ServiceProgram = "Spatial.Service";
    private const string GatewayProgram = "Spatial.Gateway";
    private const int LogTailBytes = 64 * 1024;

    private readonly ReleaseStore _releases = new(Path.Combine(options.StateDirectory, "releases"), Path.Combine(options.StateDirectory, "gateways"));

    /// <inheritdoc />
    public string Kind => "process";

    /// <summary>The state folder (releases, records, logs).</summary>
    public string StateDirectory => options.StateDirectory;

    private string DeploymentsDirectory => Path.Combine(options.StateDirectory, "deployments");

    /// <inheritdoc />
    public Task<Release> PrepareReleaseAsync(ReleaseCandidate candidate, CancellationToken cancellationToken = default) =>
        Task.Run(() => _releases.Prepare(candidate), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Release>> ListReleasesAsync(CancellationToken cancellationToken = default) => Task.FromResult(_releases.List());

    /// <inheritdoc />
    public Task<HostedInstance> StartReplicaAsync(ReplicaSpec spec, CancellationToken cancellationToken = default)
    {
        var release = _releases.Folder(spec.Release);
        var shape = spec.Environment.Service;
        var port = FreePort.Pick();
        var environment = new Dictionary<string, string>(ReleaseLabels.ServiceEnvironment(spec.Release, spec.Environment.Name, spec.ReplicaName))
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Spatial__Server__Address"] = "127.0.0.1",
            ["Spatial__Server__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Spatial__Model__Path"] = release.Model,
            ["Spatial__Model__Accelerator"] = spec.Accelerator.ToString(),
            // The environment's memory bounds the managed heap (the container host bounds the whole process instead).
            ["DOTNET_GCHeapHardLimit"] = "0x" + shape.MemoryLimitBytes.ToString("x", CultureInfo.InvariantCulture),
            ["DOTNET_PROCESSOR_COUNT"] = ((int)Math.Ceiling(shape.Cpus)).ToString(CultureInfo.InvariantCulture),
        };
        var labels = Labels(spec.Deployment, spec.Environment.Name, InstanceRole.Replica, spec.ReplicaName, spec.Persistent);
        foreach (var (key, value) in ReleaseLabels.Of(spec.Release))
            labels[key] = value;
        return Task.FromResult(Start(spec.Deployment, spec.ReplicaName, release.Service, ServiceProgram, [], environment, port, 0, labels));
    }

    /// <inheritdoc />
    public Task<HostedInstance> StartGatewayAsync(GatewaySpec spec, CancellationToken cancellationToken = default)
    {
        var launch = GatewayLaunch.For(spec);
        var labels = launch.Label(Labels(spec.Deployment, spec.Environment.Name, InstanceRole.Gateway, "gateway", spec.Persistent));
        return Task.FromResult(Start(spec.Deployment, "gateway", _releases.GatewayFolder(), GatewayProgram, [], launch.Environment, launch.Port, launch.AdminPort, labels));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HostedInstance>> ListAsync(string? deployment = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<HostedInstance> instances = Records(deployment).Select(r => ToInstance(r.Record)).ToList();
        return Task.FromResult(instances);
    }

    /// <inheritdoc />
    public async Task<string> GetLogsAsync(HostedInstance instance, CancellationToken cancellationToken = default)
    {
        var record = Records(instance.Deployment).FirstOrDefault(r => ToInstance(r.Record).Name == instance.Name).Record;
        if (record is null || !File.Exists(record.LogPath))
            return "";
        await using var stream = new FileStream(record.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Max(0, stream.Length - LogTailBytes), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(HostedInstance instance, CancellationToken cancellationToken = default)
    {
        foreach (var (path, record) in Records(instance.Deployment).Where(r => ToInstance(r.Record).Name == instance.Name).ToList())
        {
            await StopAsync(record, cancellationToken);
            File.Delete(path);
            File.Delete(record.LogPath);
        }
        var folder = Path.Combine(DeploymentsDirectory, instance.Deployment);
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        }
        catch (IOException)
        {
            // A parallel removal of the deployment's last other instance got there first, or a new record arrived.
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> LockAsync(string environment, TimeSpan wait, CancellationToken cancellationToken = default) =>
        await LockFile.AcquireAsync(Path.Combine(options.StateDirectory, "locks", environment + ".lock"), environment, options.Owner, wait, cancellationToken);

    /// <inheritdoc />
    public async Task<int> RemoveLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var (_, record) in Records(null))
        {
            var instance = ToInstance(record);
            var ownerGone = ProcessIdentity.Parse(record.Labels.GetValueOrDefault(HostLabels.Owner)) is not { IsAlive: true };
            if (!instance.Running || (!instance.Persistent && ownerGone))
            {
                await RemoveAsync(instance, cancellationToken);
                removed++;
            }
        }
        _releases.Prune(options.ReleasesKept, Records(null).Select(r => r.Record.Labels.GetValueOrDefault(ReleaseLabels.Id)).OfType<string>().ToHashSet());
        return removed;
    }

    private HostedInstance Start(
        string deployment, string member, string folder, string program, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment, int port, int adminPort, Dictionary<string, string> labels)
    {
        var directory = Directory.CreateDirectory(Path.Combine(DeploymentsDirectory, deployment)).FullName;
        var recordPath = Path.Combine(directory, member + ".json");
        if (InstanceRecord.Read(recordPath) is { } existing && ToInstance(existing).Running)
            throw new InvalidOperationException($"{deployment} already runs {member} (pid {existing.Pid}); remove it first");
        var logPath = Path.Combine(directory, member + ".log");
        File.WriteAllText(logPath, "");

        // A self-contained publish has a native launcher; a framework-dependent one runs through dotnet.
        var native = Path.Combine(folder, program);
        var (file, args) = File.Exists(native)
            ? (native, arguments)
            : ("dotnet", (IReadOnlyList<string>)[Path.Combine(folder, program + ".dll"), .. arguments]);
        var pid = DetachedProcess.Start(file, args, environment, folder, logPath);
        var identity = ProcessIdentity.Of(pid) ?? new ProcessIdentity(Environment.MachineName, pid, "exited");
        var record = new InstanceRecord(member, pid, identity.StartTime, port, adminPort, logPath, labels);
        record.Write(recordPath);
        return ToInstance(record);
    }

    private async Task StopAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var identity = new ProcessIdentity(Environment.MachineName, record.Pid, record.StartTime);
        // Signal only the very process that was started: a reused pid belongs to someone else.
        if (!identity.IsAlive || !DetachedProcess.Terminate(record.Pid))
            return;
        var deadline = DateTime.UtcNow + options.StopGrace;
        while (identity.IsAlive && DateTime.UtcNow < deadline)
            await Task.Delay(100, cancellationToken);
        if (identity.IsAlive)
            DetachedProcess.ForceKill(record.Pid);
    }

    private Dictionary<string, string> Labels(string deployment, string environment, InstanceRole role, string member, bool persistent) => new()
    {
        [HostLabels.Run] = options.Run.Id,
        [HostLabels.Owner] = options.Owner.ToString(),
        [HostLabels.Deployment] = deployment,
        [HostLabels.Environment] = environment,
        [HostLabels.Role] = role.ToString(),
        [HostLabels.Member] = member,
        [HostLabels.Persistent] = persistent ? "true" : "false",
    };

    private IEnumerable<(string Path, InstanceRecord Record)> Records(string? deployment)
    {
        var root = deployment is null ? DeploymentsDirectory : Path.Combine(DeploymentsDirectory, deployment);
        if (!Directory.Exists(root))
            yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*.json", deployment is null ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            if (InstanceRecord.Read(path) is { } record)
                yield return (path, record);
        }
    }

    private static HostedInstance ToInstance(InstanceRecord record)
    {
        var labels = record.Labels;
        var role = Enum.TryParse<InstanceRole>(labels.GetValueOrDefault(HostLabels.Role), out var parsed) ? parsed : InstanceRole.Replica;
        var running = new ProcessIdentity(Environment.MachineName, record.Pid, record.StartTime).IsAlive;
        return new HostedInstance(
            $"pid:{record.Pid.ToString(CultureInfo.InvariantCulture)}",
            $"spatial-{labels.GetValueOrDefault(HostLabels.Deployment)}-{record.Name}",
            role,
            labels.GetValueOrDefault(HostLabels.Deployment, ""),
            labels.GetValueOrDefault(HostLabels.Environment, ""),
            ReleaseLabels.Read(labels),
            new Uri($"http://127.0.0.1:{record.Port.ToString(CultureInfo.InvariantCulture)}/"),
            record.AdminPort > 0 ? new Uri($"http://127.0.0.1:{record.AdminPort.ToString(CultureInfo.InvariantCulture)}/") : null,
            labels.GetValueOrDefault(HostLabels.Run, ""),
            labels.GetValueOrDefault(HostLabels.Persistent) == "true",
            running);
    }
}
