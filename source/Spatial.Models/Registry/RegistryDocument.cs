using System.Text.Json.Serialization;

namespace Spatial.Models.Registry;

/// <summary>models/registry.json: every registered model, its versions and each environment's promotion history.</summary>
public sealed record RegistryDocument
{
    /// <summary>The registry format this library reads and writes.</summary>
    public const string CurrentSchema = "spatial-registry/1";

    /// <summary>Format identifier; required in the file, so <c>{}</c> or another format is reported, not read as an empty registry.</summary>
    [JsonRequired]
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>Models by name.</summary>
    [JsonRequired]
    public SortedDictionary<string, RegisteredModel> Models { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>One model name: the class contract every version must keep, its versions and where they served.</summary>
public sealed record RegisteredModel
{
    /// <summary>The API contract: class labels in logit order, fixed by the first registered version.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Registered versions in registration order.</summary>
    public List<RegisteredVersion> Versions { get; init; } = [];

    /// <summary>Promotion history per environment.</summary>
    public SortedDictionary<string, EnvironmentHistory> Environments { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>One registered version: where its package lives and the checksums it was registered with.</summary>
public sealed record RegisteredVersion
{
    /// <summary>Semantic version.</summary>
    public required string Version { get; init; }

    /// <summary>Package directory relative to the models root, with forward slashes.</summary>
    public required string Path { get; init; }

    /// <summary>SHA-256 of manifest.json at registration (the manifest in turn pins the weights).</summary>
    public required string ManifestSha256 { get; init; }

    /// <summary>When it was registered.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Source commit from the manifest.</summary>
    public required string SourceCommit { get; init; }

    /// <summary>Held-out accuracy from the manifest's training metrics.</summary>
    public double HeldOutAccuracy { get; init; }

    /// <summary>Free-form tags (owner, dataset, notes), as in MLflow.</summary>
    public SortedDictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Accuracy tests run on the generated validation set.</summary>
    public List<AccuracyTest> Tests { get; init; } = [];
}

/// <summary>One accuracy measurement on the generated validation set.</summary>
public sealed record AccuracyTest(DateTimeOffset At, double Accuracy, int Samples, int Seed, string Accelerator);

/// <summary>What an environment has served, oldest first; the last entry is what it runs now.</summary>
public sealed record EnvironmentHistory
{
    /// <summary>Promotions and rollbacks, oldest first.</summary>
    public List<PromotionRecord> History { get; init; } = [];
}

/// <summary>One change of what an environment serves.</summary>
public sealed record PromotionRecord
{
    /// <summary>The version the environment serves from this point.</summary>
    public required string Version { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>"promotion" or "rollback".</summary>
    public required string Kind { get; init; }

    /// <summary>Accuracy measured by the validation that allowed it.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Whether a major-version bump was explicitly approved.</summary>
    public bool MajorApproved { get; init; }

    /// <summary>A promotion.</summary>
    public const string Promotion = "promotion";

    /// <summary>A rollback to an earlier version.</summary>
    public const string Rollback = "rollback";
}
