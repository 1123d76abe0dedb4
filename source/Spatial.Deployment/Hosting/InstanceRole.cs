namespace Spatial.Deployment.Hosting;

/// <summary>What a hosted instance is in its deployment.</summary>
public enum InstanceRole
{
    /// <summary>A replica of the inference service.</summary>
    Replica,

    /// <summary>The gateway in front of the replicas.</summary>
    Gateway,
}
