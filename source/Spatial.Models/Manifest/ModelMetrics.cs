namespace Spatial.Models;

/// <summary>What training measured on the held-out generated set, including the visual-only ablation.</summary>
public sealed record ModelMetrics
{
    /// <summary>Accuracy of the dual-encoder model on the held-out set.</summary>
    public double HeldOutAccuracy { get; init; }

    /// <summary>Per-class accuracy (recall) on the held-out set.</summary>
    public IReadOnlyDictionary<string, double> PerClassAccuracy { get; init; } = new Dictionary<string, double>();

    /// <summary>Accuracy of the same recipe trained without the spatial encoder; null when not measured.</summary>
    public double? VisualOnlyAccuracy { get; init; }

    /// <summary>Per-class accuracy of the visual-only ablation.</summary>
    public IReadOnlyDictionary<string, double>? VisualOnlyPerClassAccuracy { get; init; }

    /// <summary>Held-out set size.</summary>
    public int HeldOutSamples { get; init; }

    /// <summary>Seed of the held-out set.</summary>
    public int HeldOutSeed { get; init; }

    /// <summary>Training set size.</summary>
    public int TrainingSamples { get; init; }

    /// <summary>Seed of training data, initialisation and shuffling.</summary>
    public int TrainingSeed { get; init; }

    /// <summary>Epochs trained.</summary>
    public int Epochs { get; init; }
}
