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

    /// <summary>
    /// Visual encoder: colour and texture. Two stride-2 3x3 convolutions and a 1x1 one (64 → 8 px) then global
    /// average pooling: a 7-pixel receptive field, so layout is left to the spatial encoder.
    /// </summary>
    public static IReadOnlyList<LayerSpec> VisualLayers() =>
    [
        Conv("visual.conv1", 3, 8, 3, 1),
        Conv("visual.conv2", 8, 16, 3, 1),
        Conv("visual.conv3", 16, 32, 1, 0),
        new LayerSpec { Kind = LayerSpec.GlobalAveragePool },
    ];

    /// <summary>Spatial encoder: one dense layer over the flattened G x G x F features.</summary>
    public static IReadOnlyList<LayerSpec> SpatialLayers() =>
        [new LayerSpec { Kind = LayerSpec.Dense, Name = "spatial.fc1", Inputs = FeatureLayout.FlattenedCount(Features), Outputs = 32, Relu = true }];

    /// <summary>Head: a hidden dense layer, then one logit per class.</summary>
    public static IReadOnlyList<LayerSpec> HeadLayers(int inputs) =>
    [
        new LayerSpec { Kind = LayerSpec.Dense, Name = "head.fc1", Inputs = inputs, Outputs = 32, Relu = true },
        new LayerSpec { Kind = LayerSpec.Dense, Name = "head.fc2", Inputs = 32, Outputs = PizzaClasses.Count },
    ];

    private static LayerSpec Conv(string name, int inputs, int outputs, int kernel, int padding) => new()
    {
        Kind = LayerSpec.Conv2d, Name = name, Inputs = inputs, Outputs = outputs, KernelSize = kernel, Stride = 2, Padding = padding, Relu = true,
    };
}
