namespace Spatial.Service.Inference;

/// <summary>Thrown when an image cannot be queued for a forward pass (queue full, or shutting down); the API answers 503.</summary>
public sealed class InferenceUnavailableException(string message) : Exception(message);
