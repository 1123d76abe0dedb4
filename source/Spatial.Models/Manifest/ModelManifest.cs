using System.Text.Json.Serialization;

namespace Spatial.Models;

/// <summary>
/// manifest.json of one model version: identity, the two encoders and the head (with the preprocessing and
/// feature specs they were trained with), the files with their checksums, and the training metrics.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The manifest format this library writes and reads.</summary>
    public const string CurrentSchema = "spatial-model/1";

    /// <summary>Manifest format identifier; required in the file, so a manifest of unknown format is never read as the current one.</summary>
    [JsonRequired]
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>Model name (lower-case, digits and dashes).</summary>
    public required string Name { get; init; }

    /// <summary>Semantic version (MAJOR.MINOR.PATCH).</summary>
    public required string Version { get; init; }

    /// <summary>When the version was produced.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Commit of the source that produced it.</summary>
    public required string SourceCommit { get; init; }

    /// <summary>Class labels in logit order.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>The visual encoder.</summary>
    public required VisualEncoderSpec VisualEncoder { get; init; }

    /// <summary>The spatial encoder.</summary>
    public required SpatialEncoderSpec SpatialEncoder { get; init; }

    /// <summary>The classifier head.</summary>
    public required HeadSpec Head { get; init; }

    /// <summary>The package's files; the first is the weights file.</summary>
    public required IReadOnlyList<ModelArtifact> Artifacts { get; init; }

    /// <summary>Training metrics.</summary>
    public ModelMetrics Metrics { get; init; } = new();

    /// <summary>"name 1.2.3", for messages.</summary>
    public string DisplayName => $"{Name} {Version}";
}
