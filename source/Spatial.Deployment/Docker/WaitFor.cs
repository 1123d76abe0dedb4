using System.Text.RegularExpressions;

namespace Spatial.Deployment.Docker;

/// <summary>The readiness checks a container can be waited on with.</summary>
public static class WaitFor
{
    /// <summary>Docker's own health status reaches <c>healthy</c> (the image's <c>HEALTHCHECK</c> passes).</summary>
    public static IWaitStrategy DockerHealthy() => new DockerHealthyWait();

    /// <summary>A GET of <paramref name="path"/> on the 127.0.0.1 port that publishes <paramref name="containerPort"/> answers 2xx.</summary>
    public static IWaitStrategy Http(int containerPort, string path = "/") => new HttpProbeWait(containerPort, path);

    /// <summary>A line matching <paramref name="pattern"/> appears in the container's stdout or stderr.</summary>
    public static IWaitStrategy LogLine(string pattern) => new LogLineWait(new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant));
}
