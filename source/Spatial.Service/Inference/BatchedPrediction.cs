namespace Spatial.Service.Inference;

/// <summary>A prediction as the batcher hands it back: the result plus where its time went.</summary>
/// <param name="Prediction">The image's prediction.</param>
/// <param name="Queue">Time between submission and the start of the forward pass.</param>
/// <param name="Preprocess">Preprocessing time of the whole batch the image rode in.</param>
/// <param name="Encode">Encoder and head time of that batch.</param>
/// <param name="BatchSize">Images in that forward pass.</param>
public sealed record BatchedPrediction(ImagePrediction Prediction, TimeSpan Queue, TimeSpan Preprocess, TimeSpan Encode, int BatchSize);
