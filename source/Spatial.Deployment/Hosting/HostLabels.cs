using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Hosting;

/// <summary>Label keys every host writes on what it starts (container labels, process-host records).</summary>
public static class HostLabels
{
    /// <summary>The deployment an instance belongs to.</summary>
    public const string Deployment = "org.spatial.deployment";

    /// <summary>The environment whose shape it runs (the compose file uses the same key).</summary>
    public const string Environment = "org.spatial.environment";

    /// <summary>Replica or Gateway.</summary>
    public const string Role = "org.spatial.role";

    /// <summary>The replica's or gateway's name within its deployment.</summary>
    public const string Member = "org.spatial.member";

    /// <summary><c>true</c> for deployments that outlive their run (stage 8); test deployments are removed with their run.</summary>
    public const string Persistent = "org.spatial.persistent";

    /// <summary>The process that started it (<c>machine:pid:start-time</c>): its death makes a test deployment a leftover.</summary>
    public const string Owner = "org.spatial.owner";

    /// <summary>The run that started it.</summary>
    public const string Run = DockerLabels.Run;

    /// <summary>A gateway's 127.0.0.1 port.</summary>
    public const string GatewayPort = "org.spatial.gateway.port";

    /// <summary>A gateway's 127.0.0.1 admin port.</summary>
    public const string GatewayAdminPort = "org.spatial.gateway.admin-port";
}
