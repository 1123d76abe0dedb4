namespace Spatial.Models.Training;

/// <summary>What a training run produced: the package written (when one was), its held-out metrics and the visual-only ablation.</summary>
public sealed record TrainingReport(ModelManifest Manifest, string? PackageDirectory, EvaluationResult HeldOut, EvaluationResult? VisualOnly, TimeSpan Elapsed, string WeightsSha256)
{
    /// <summary>Human-readable summary lines (accuracy, per class, ablation).</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"model {Manifest.DisplayName}: held-out accuracy {HeldOut.Accuracy:P2} on {HeldOut.Samples} images (trained in {Elapsed.TotalSeconds:F0} s)";
        if (VisualOnly is not null)
            yield return $"visual-only ablation: {VisualOnly.Accuracy:P2} (the spatial encoder adds {(HeldOut.Accuracy - VisualOnly.Accuracy) * 100:F1} points)";
        foreach (var (label, accuracy) in HeldOut.PerClassAccuracy)
        {
            var ablation = VisualOnly is null ? "" : $"   visual-only {VisualOnly.PerClassAccuracy[label]:P1}";
            yield return $"  {label,-15} {accuracy:P1}{ablation}";
        }
        if (PackageDirectory is not null)
            yield return $"written to {PackageDirectory} (weights SHA-256 {WeightsSha256})";
    }
}
