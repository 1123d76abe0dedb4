namespace Spatial.Service.Contracts;

/// <summary>The answer to <c>POST /v1/classify</c>.</summary>
/// <param name="Label">The most probable class.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Probabilities">Probability of every class of the model.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record ClassifyResponse(
    string Label,
    float Confidence,
    IReadOnlyDictionary<string, float> Probabilities,
    ModelReference Model,
    ClassificationTimings Timings);

/// <summary>Which model answered.</summary>
public sealed record ModelReference(string Name, string Version);

/// <summary>Where one image's time went, in milliseconds. Preprocess and encode belong to the whole batch the image rode in.</summary>
/// <param name="DecodeMs">Decoding the file.</param>
/// <param name="QueueMs">Waiting for its micro-batch to start.</param>
/// <param name="PreprocessMs">Resize and normalise of the batch.</param>
/// <param name="EncodeMs">Both encoders and the head over the batch.</param>
/// <param name="TotalMs">From the start of the request to the answer.</param>
/// <param name="BatchSize">Images in the forward pass.</param>
public sealed record ClassificationTimings(double DecodeMs, double QueueMs, double PreprocessMs, double EncodeMs, double TotalMs, int BatchSize);
