namespace Spatial.Service.Options;

/// <summary>
/// The release this replica belongs to, as its deployer states it (section <c>Spatial:Release</c>); empty when the
/// service runs outside a deployment. The model fields of <c>GET /v1/release</c> come from the served model itself.
/// </summary>
public sealed class ReleaseOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string Section = "Spatial:Release";

    /// <summary>The release id.</summary>
    public string? Id { get; set; }

    /// <summary>What the service runs from: an image id or a published folder's content hash.</summary>
    public string? ServiceBuild { get; set; }

    /// <summary>The commit the release was built from.</summary>
    public string? SourceCommit { get; set; }

    /// <summary>When the release was prepared (ISO 8601).</summary>
    public string? CreatedAt { get; set; }

    /// <summary>The environment this replica serves.</summary>
    public string? Environment { get; set; }

    /// <summary>This replica's name within its deployment.</summary>
    public string? Replica { get; set; }
}
