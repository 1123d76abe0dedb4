namespace Spatial.Deployment.Images;

/// <summary>The offline base image could not be assembled; the message says why and what to do.</summary>
public sealed class BaseImageException(string message) : Exception(message);
