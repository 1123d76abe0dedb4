namespace Spatial.Deployment.Hosting;

/// <summary>Another live pipeline holds an environment's deployment lock.</summary>
public sealed class DeploymentLockedException(string environment, string holder, TimeSpan waited)
    : Exception($"{environment} is being deployed by another pipeline ({holder}); waited {waited.TotalSeconds:0} s. Try again when it has finished.")
{
    /// <summary>Who holds it (<c>machine:pid:start-time</c>).</summary>
    public string Holder { get; } = holder;
}
