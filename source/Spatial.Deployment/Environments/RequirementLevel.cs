namespace Spatial.Deployment.Environments;

/// <summary>How strongly an environment needs a capability of the machine that deploys to it.</summary>
public enum RequirementLevel
{
    /// <summary>Reported only.</summary>
    Optional,

    /// <summary>Missing gives a warning; the pipeline falls back (process host, CPU path, built-in checks).</summary>
    Recommended,

    /// <summary>Missing fails stage 1 with one line that says what to do.</summary>
    Required,
}
