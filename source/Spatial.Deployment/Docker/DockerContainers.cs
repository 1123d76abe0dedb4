using System.Globalization;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Spatial.Deployment.Docker;

/// <summary>Container operations over one Docker.DotNet client.</summary>
internal sealed class DockerContainers(DockerClient client) : IDockerContainers
{
    /// <summary>Only loopback: test and pipeline traffic never leaves this machine nor targets container addresses.</summary>
    private const string HostAddress = "127.0.0.1";

    public async Task<DockerContainer> StartAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        var created = await client.Containers.CreateContainerAsync(ToParameters(spec), cancellationToken);
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            var details = await InspectAsync(created.ID, cancellationToken)
                ?? throw new InvalidOperationException($"container {created.ID[..12]} vanished right after it started");
            return new DockerContainer(this, spec, details.Id, details.Name, details.HostPorts);
        }
        catch
        {
            await RemoveAsync(created.ID, CancellationToken.None);
            throw;
        }
    }

    public async Task<string> CreateAsync(ContainerSpec spec, CancellationToken cancellationToken = default) =>
        (await client.Containers.CreateContainerAsync(ToParameters(spec), cancellationToken)).ID;

    public async Task<ContainerDetails?> InspectAsync(string id, CancellationToken cancellationToken = default)
    {
        ContainerInspectResponse container;
        try
        {
            container = await client.Containers.InspectContainerAsync(id, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
        var state = container.State ?? new ContainerState();
        var hostPorts = new Dictionary<int, int>();
        foreach (var (key, bindings) in container.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>())
        {
            var binding = bindings?.FirstOrDefault(b => b.HostIP == HostAddress) ?? bindings?.FirstOrDefault();
            if (binding is not null && key.EndsWith("/tcp", StringComparison.Ordinal)
                && int.TryParse(key[..^4], CultureInfo.InvariantCulture, out var containerPort)
                && int.TryParse(binding.HostPort, CultureInfo.InvariantCulture, out var hostPort))
                hostPorts[containerPort] = hostPort;
        }
        return new ContainerDetails(
            container.ID,
            container.Name.TrimStart('/'),
            container.Image,
            state.Status ?? "",
            state.Running,
            state.ExitCode,
            state.OOMKilled,
            state.Health?.Status is { Length: > 0 } health && health != "none" ? health : null,
            state.Health?.Log?.LastOrDefault()?.Output?.Trim(),
            container.Config?.User ?? "",
            container.Config?.Labels?.ToDictionary() ?? [],
            container.HostConfig?.Memory ?? 0,
            container.HostConfig?.ReadonlyRootfs ?? false,
            hostPorts);
    }

    public async Task<IReadOnlyList<ContainerDetails>> ListAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken = default)
    {
        var filter = labels.ToDictionary(l => l.Value is null ? l.Key : $"{l.Key}={l.Value}", _ => true);
        var listed = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = filter },
        }, cancellationToken);
        var details = new List<ContainerDetails>();
        foreach (var container in listed)
        {
            // A container removed between the list and the inspection is simply gone.
            if (await InspectAsync(container.ID, cancellationToken) is { } inspected)
                details.Add(inspected);
        }
        return details;
    }

    public async Task<string> GetLogsAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            using var stream = await client.Containers.GetContainerLogsAsync(id, tty: false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = false }, cancellationToken);
            var text = new StringBuilder();
            var decoder = Encoding.UTF8.GetDecoder();
            var buffer = new byte[16 * 1024];
            var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
                if (read.EOF)
                    break;
                var count = decoder.GetChars(buffer, 0, read.Count, chars, 0);
                text.Append(chars, 0, count);
            }
            return text.ToString();
        }
        catch (DockerContainerNotFoundException)
        {
            return "";
        }
    }

    public async Task<IReadOnlyList<int>> GetProcessUidsAsync(string id, CancellationToken cancellationToken = default)
    {
        // "-o uid" prints the numeric id even where the host has no name for it; the engine needs the pid column to pick the container's processes.
        var processes = await client.Containers.ListProcessesAsync(id, new ContainerListProcessesParameters { PsArgs = "-o pid,uid" }, cancellationToken);
        var column = processes.Titles.IndexOf("UID");
        return processes.Processes
            .Select(row => int.Parse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture))
            .ToList();
    }

    public async Task StopAsync(string id, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.Containers.StopContainerAsync(id,
                new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) }, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: stopping is about the end state, not the transition.
        }
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict && e.ResponseBody.Contains("already in progress", StringComparison.Ordinal))
        {
            // Another removal (an AutoRemove or a parallel cleanup) is on it.
            return true;
        }
    }

    private static CreateContainerParameters ToParameters(ContainerSpec spec)
    {
        var ports = spec.PublishedPorts.Select(p => $"{p.ToString(CultureInfo.InvariantCulture)}/tcp").ToList();
        var host = new HostConfig
        {
            PortBindings = ports.ToDictionary(p => p, IList<PortBinding> (_) => [new PortBinding { HostIP = HostAddress, HostPort = "" }]),
            ReadonlyRootfs = spec.ReadOnlyRootFilesystem,
            Tmpfs = spec.Tmpfs.ToDictionary(),
            NetworkMode = spec.Network,
        };
        if (spec.MemoryLimitBytes is { } memory)
        {
            host.Memory = memory;
            host.MemorySwap = memory;
        }
        if (spec.Cpus is { } cpus)
            host.NanoCPUs = (long)(cpus * 1e9);
        if (spec.AllGpus)
            host.DeviceRequests = [new DeviceRequest { Driver = "", Count = -1, Capabilities = [["gpu"]] }];

        return new CreateContainerParameters
        {
            Image = spec.Image,
            Name = spec.Name,
            Cmd = spec.Command?.ToList(),
            Entrypoint = spec.Entrypoint?.ToList(),
            Env = spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            User = spec.User,
            Labels = spec.Run.LabelsWith(spec.Labels),
            ExposedPorts = ports.ToDictionary(p => p, _ => new EmptyStruct()),
            HostConfig = host,
        };
    }
}
