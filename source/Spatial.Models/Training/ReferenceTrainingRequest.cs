namespace Spatial.Models.Training;

/// <summary>Where and as what the reference recipe writes its new version.</summary>
public sealed record ReferenceTrainingRequest
{
    /// <summary>The models root (registry.json and one directory per model version).</summary>
    public required string ModelsRoot { get; init; }

    /// <summary>Version to write; null means 1.0.0 for a new model, else the next minor version after the latest registered.</summary>
    public string? Version { get; init; }

    /// <summary>Commit of the source that trains it, recorded in the manifest.</summary>
    public string SourceCommit { get; init; } = "unknown";

    /// <summary>Creation time recorded in the manifest; null means now.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Recipe options.</summary>
    public TrainingOptions Training { get; init; } = new();
}
