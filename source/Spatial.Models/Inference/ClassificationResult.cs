namespace Spatial.Models;

/// <summary>The top class of one image, its probability, and every class's probability.</summary>
public sealed record ClassificationResult(string Label, float Confidence, IReadOnlyDictionary<string, float> Probabilities);

/// <summary>Results of one batch in input order, with the time spent preparing inputs (preprocessing and spatial features) and encoding (encoders, head, softmax).</summary>
public sealed record ClassificationBatch(IReadOnlyList<ClassificationResult> Results, TimeSpan Preprocess, TimeSpan Encode);
