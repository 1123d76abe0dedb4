namespace Spatial.Models;

/// <summary>The visual encoder: a small conv net over the preprocessed image, pooled to an embedding.</summary>
public sealed record VisualEncoderSpec
{
    /// <summary>Architecture identifier, e.g. "conv-gap/1".</summary>
    public required string Architecture { get; init; }

    /// <summary>Semantic version of this encoder's weights.</summary>
    public required string Version { get; init; }

    /// <summary>What the encoder reads.</summary>
    public required InputSpec Input { get; init; }

    /// <summary>Layers in order.</summary>
    public required IReadOnlyList<LayerSpec> Layers { get; init; }

    /// <summary>Size of the embedding it produces.</summary>
    public required int EmbeddingSize { get; init; }
}

/// <summary>The spatial encoder: dense layers over the flattened per-patch features.</summary>
public sealed record SpatialEncoderSpec
{
    /// <summary>Architecture identifier, e.g. "dense/1".</summary>
    public required string Architecture { get; init; }

    /// <summary>Semantic version of this encoder's weights.</summary>
    public required string Version { get; init; }

    /// <summary>What the encoder reads.</summary>
    public required FeatureSpec Features { get; init; }

    /// <summary>Layers in order.</summary>
    public required IReadOnlyList<LayerSpec> Layers { get; init; }

    /// <summary>Size of the embedding it produces.</summary>
    public required int EmbeddingSize { get; init; }
}

/// <summary>The classifier head over the concatenated [visual, spatial] embedding.</summary>
public sealed record HeadSpec
{
    /// <summary>Input size; must equal visual plus spatial embedding sizes.</summary>
    public required int InputSize { get; init; }

    /// <summary>Layers in order; the last one outputs one logit per class.</summary>
    public required IReadOnlyList<LayerSpec> Layers { get; init; }

    /// <summary>Number of classes (logits).</summary>
    public required int Classes { get; init; }
}
