using Spatial.Kernels;

namespace Spatial.Service.Images;

/// <summary>An image taken from a request: its part name (multipart) or null, the pixels, and the decode time.</summary>
public sealed record UploadedImage(string? Name, RgbImage Image, TimeSpan Decode);
