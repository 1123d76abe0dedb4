namespace Spatial.Deployment.Hosting;

/// <summary>A replica or gateway did not become ready; carries its last observation and its logs.</summary>
public sealed class InstanceNotReadyException(HostedInstance instance, string reason, string logs)
    : Exception($"{instance.Role.ToString().ToLowerInvariant()} {instance.Name} of {instance.Deployment} {reason}")
{
    /// <summary>The instance.</summary>
    public HostedInstance Instance { get; } = instance;

    /// <summary>Its stdout and stderr.</summary>
    public string Logs { get; } = logs;
}
