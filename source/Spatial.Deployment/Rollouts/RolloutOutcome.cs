using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Rollouts;

/// <summary>How a rollout ended.</summary>
public enum RolloutStatus
{
    /// <summary>The new release serves.</summary>
    Deployed,

    /// <summary>The environment already served this release: nothing changed.</summary>
    AlreadyServing,

    /// <summary>A check failed; the previous release serves again.</summary>
    RolledBack,

    /// <summary>A check failed and there was nothing to go back to (a first deployment): nothing serves.</summary>
    Failed,
}

/// <summary>A rollout's result: what serves now, why, and what the traffic saw meanwhile.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Serving">The release the environment serves now, if any.</param>
/// <param name="Previous">What it served before, if anything.</param>
/// <param name="Strategy">The strategy used.</param>
/// <param name="Steps">What was done, in order.</param>
/// <param name="Checks">Every verification, in order.</param>
/// <param name="Background">The background traffic through the gateway during the rollout, when there was a gateway to send it to.</param>
/// <param name="Failure">The first failed check or error, when one ended the rollout.</param>
public sealed record RolloutOutcome(
    RolloutStatus Status,
    Release? Serving,
    Release? Previous,
    string Strategy,
    IReadOnlyList<string> Steps,
    IReadOnlyList<AnalysisCheck> Checks,
    TrafficFigures? Background,
    string? Failure);
