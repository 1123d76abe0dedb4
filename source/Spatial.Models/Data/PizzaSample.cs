using Spatial.Kernels;

namespace Spatial.Models.Data;

/// <summary>A generated image with its class.</summary>
public sealed record PizzaSample(RgbImage Image, PizzaClass Class);
