using Spatial.Deployment.Environments;

namespace Spatial.Deployment.Preflight;

/// <summary>The verdict on one capability of the machine.</summary>
public enum CheckOutcome
{
    /// <summary>Present and good enough.</summary>
    Ok,

    /// <summary>Missing, but the environment allows a fallback.</summary>
    Warning,

    /// <summary>Missing or wrong, and the environment requires it.</summary>
    Failed,
}

/// <summary>One row of stage 1's table.</summary>
/// <param name="Name">What was checked ("Docker engine").</param>
/// <param name="Found">What the machine has, in words ("20.10.24, API 1.41, overlay2").</param>
/// <param name="Level">How strongly the environment needs it.</param>
/// <param name="Outcome">The verdict.</param>
/// <param name="Remedy">What to do when the outcome is not <see cref="CheckOutcome.Ok"/>.</param>
public sealed record PreflightCheck(string Name, string Found, RequirementLevel Level, CheckOutcome Outcome, string? Remedy = null);
