namespace Spatial.Deployment.Docker;

/// <summary>How many resources a cleanup removed.</summary>
public sealed record CleanupReport(int Containers, int Networks, int Images)
{
    /// <summary>Total removed.</summary>
    public int Total => Containers + Networks + Images;
}
