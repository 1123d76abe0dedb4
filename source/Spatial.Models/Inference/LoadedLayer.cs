namespace Spatial.Models;

/// <summary>A layer with its weights read out of the package, ready for the kernels.</summary>
internal sealed record LoadedLayer(LayerSpec Spec, float[] Weights, float[] Bias)
{
    public static IReadOnlyList<LoadedLayer> From(ModelPackage package, IEnumerable<LayerSpec> layers) =>
        layers.Where(l => l.Kind != LayerSpec.GlobalAveragePool)
            .Select(l => new LoadedLayer(l, package.Weights.GetFloat32($"{l.Name}.weight"), package.Weights.GetFloat32($"{l.Name}.bias")))
            .ToList();
}
