using Spatial.Kernels;
using Spatial.Models.Data;

namespace Spatial.Models.Training;

/// <summary>The reference model's shape: what the encoders read and their layers. The one definition the trainer and manifest share.</summary>
public static class ReferenceArchitecture
{
    /// <summary>Registered name of the reference model.</summary>
    public const string ModelName = "pizza-doneness";

    /// <summary>Visual encoder input side in pixels.</summary>
    public const int InputSize = 64;

    /// <summary>Spatial feature grid side.</summary>
    public const int GridSize = 4;

    /// <summary>Preprocessing of the visual encoder's input.</summary>
    public static PreprocessSpec Preprocess { get; } = new() { Width = InputSize, Height = InputSize };

    /// <summary>Spatial features of the spatial encoder's input.</summary>
    public static SpatialFeatureSpec Features { get; } = new() { GridSize = GridSize };

    /// <summary>Visual encoder: three stride-2 3x3 convolutions (64 → 8 px) then global average pooling.</summary>
    public static IReadOnlyList<LayerSpec> VisualLayers(int width = 1) =>
    [
        Conv("visual.conv1", 3, 8 * width),
        Conv("visual.conv2", 8 * width, 16 * width),
        Conv("visual.conv3", 16 * width, 32 * width),
        new LayerSpec { Kind = LayerSpec.GlobalAveragePool },
    ];

    /// <summary>Spatial encoder: one dense layer over the flattened G x G x F features.</summary>
    public static IReadOnlyList<LayerSpec> SpatialLayers() =>
        [new LayerSpec { Kind = LayerSpec.Dense, Name = "spatial.fc1", Inputs = FeatureLayout.FlattenedCount(Features), Outputs = 64, Relu = true }];

    /// <summary>Head: a hidden dense layer, then one logit per class.</summary>
    public static IReadOnlyList<LayerSpec> HeadLayers(int inputs) =>
    [
        new LayerSpec { Kind = LayerSpec.Dense, Name = "head.fc1", Inputs = inputs, Outputs = 32, Relu = true },
        new LayerSpec { Kind = LayerSpec.Dense, Name = "head.fc2", Inputs = 32, Outputs = PizzaClasses.Count },
    ];

    private static LayerSpec Conv(string name, int inputs, int outputs) => new()
    {
        Kind = LayerSpec.Conv2d, Name = name, Inputs = inputs, Outputs = outputs, KernelSize = 3, Stride = 2, Padding = 1, Relu = true,
    };
}
