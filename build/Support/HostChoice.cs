/// <summary>The values of <c>--host</c>.</summary>
enum HostChoice
{
    /// <summary>Docker when an engine answers, otherwise the process host.</summary>
    Auto,

    /// <summary>Local processes on 127.0.0.1 (the embedded default).</summary>
    Process,

    /// <summary>Containers on the Docker engine at <c>--docker-host</c>; fails when none answers.</summary>
    Docker,
}
