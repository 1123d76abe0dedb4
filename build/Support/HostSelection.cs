using Spatial.Deployment.Docker;

/// <summary>The host chosen for this run, and why; resolved once per build process (the engine is probed once).</summary>
/// <param name="Engine">The Docker engine when the Docker host was chosen.</param>
/// <param name="Reason">One line: what was chosen and why.</param>
/// <param name="Problem">Set when the asked-for host cannot serve (e.g. --host docker with no engine).</param>
sealed record HostSelection(DockerEngine? Engine, string Reason, string? Problem)
{
    private static readonly Lock Gate = new();
    private static HostSelection? _resolved;

    /// <summary>Whether the environments run as containers (so images are built and scanned).</summary>
    public bool UsesDocker => Engine is not null;

    /// <summary>Resolves <paramref name="choice"/> once; later calls return the first answer.</summary>
    public static HostSelection Resolve(HostChoice choice, DockerEngineOptions docker)
    {
        lock (Gate)
            return _resolved ??= Probe(choice, docker);
    }

    private static HostSelection Probe(HostChoice choice, DockerEngineOptions docker)
    {
        if (choice == HostChoice.Process)
            return new HostSelection(null, "process host (--host process): the published service runs as local processes", null);
        try
        {
            var engine = DockerEngine.ConnectAsync(docker with { ConnectTimeout = TimeSpan.FromSeconds(5) }).GetAwaiter().GetResult();
            return new HostSelection(engine, $"Docker host: engine {engine.Version} at {engine.Endpoint}", null);
        }
        catch (DockerEngineUnreachableException e)
        {
            return choice == HostChoice.Docker
                ? new HostSelection(null, "Docker host (--host docker)", e.Message)
                : new HostSelection(null, $"no Docker engine at {docker.Endpoint}: the process host runs the published service", null);
        }
    }
}
