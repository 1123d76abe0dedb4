namespace Spatial.Deployment.Docker;

/// <summary>The engine did not answer; the message is one line that says how to start it.</summary>
public sealed class DockerEngineUnreachableException : Exception
{
    /// <summary>Creates the exception for <paramref name="endpoint"/>; <paramref name="cause"/> stays available as the inner exception.</summary>
    public DockerEngineUnreachableException(Uri endpoint, Exception? cause)
        : base(MessageFor(endpoint), cause) => Endpoint = endpoint;

    /// <summary>The endpoint that did not answer.</summary>
    public Uri Endpoint { get; }

    private static string MessageFor(Uri endpoint) => endpoint.Scheme == "unix"
        ? $"Docker engine is not reachable at {endpoint}: start it with `sudo dockerd &` or `sudo systemctl start docker`"
        : $"Docker engine is not reachable at {endpoint}: start the engine on that host, or point --docker-host at a running one";
}
