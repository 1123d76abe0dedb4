namespace Spatial.Security.Findings;

/// <summary>What a finding is about; gates are configured per kind.</summary>
public enum FindingKind
{
    /// <summary>A package version with a published advisory.</summary>
    Vulnerability,

    /// <summary>A configuration rule that failed (Dockerfile, image configuration).</summary>
    Misconfiguration,

    /// <summary>A credential or key in a file, an image layer or the image configuration.</summary>
    Secret,
}
