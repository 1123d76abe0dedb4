namespace Spatial.Service.Inference;

/// <summary>The outcome of one forward pass: one prediction per image and how long the pass took.</summary>
public sealed record PredictionBatch(IReadOnlyList<ImagePrediction> Predictions, TimeSpan Preprocess, TimeSpan Encode);

/// <summary>One image's predicted label, its confidence and the probability of every class.</summary>
public sealed record ImagePrediction(string Label, float Confidence, IReadOnlyDictionary<string, float> Probabilities);
