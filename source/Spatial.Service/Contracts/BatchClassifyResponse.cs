namespace Spatial.Service.Contracts;

/// <summary>The answer to <c>POST /v1/classify/batch</c>: one result per image part, in request order.</summary>
public sealed record BatchClassifyResponse(ModelReference Model, IReadOnlyList<BatchClassifyItem> Results, double TotalMs);

/// <summary>One image's result inside a batch answer.</summary>
/// <param name="Name">The part's file name (or field name).</param>
/// <param name="Label">The most probable class.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Probabilities">Probability of every class.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record BatchClassifyItem(
    string? Name,
    string Label,
    float Confidence,
    IReadOnlyDictionary<string, float> Probabilities,
    ClassificationTimings Timings);
