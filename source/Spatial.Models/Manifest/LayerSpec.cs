namespace Spatial.Models;

/// <summary>
/// One layer of an encoder or the head. <see cref="Name"/> prefixes its tensors in the weights file
/// (<c>{Name}.weight</c>, <c>{Name}.bias</c>); pooling layers have no tensors.
/// </summary>
public sealed record LayerSpec
{
    /// <summary>Layer kind: <see cref="Conv2d"/>, <see cref="Dense"/> or <see cref="GlobalAveragePool"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Tensor name prefix; null for layers without weights.</summary>
    public string? Name { get; init; }

    /// <summary>Input channels (conv) or features (dense).</summary>
    public int Inputs { get; init; }

    /// <summary>Output channels (conv) or features (dense).</summary>
    public int Outputs { get; init; }

    /// <summary>Square kernel size (conv only).</summary>
    public int KernelSize { get; init; }

    /// <summary>Stride (conv only).</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Symmetric zero padding (conv only).</summary>
    public int Padding { get; init; }

    /// <summary>Whether a ReLU follows the layer.</summary>
    public bool Relu { get; init; }

    /// <summary>2-D convolution, weights [out, in, k, k], bias [out].</summary>
    public const string Conv2d = "conv2d";

    /// <summary>Fully connected layer, weights [out, in], bias [out].</summary>
    public const string Dense = "dense";

    /// <summary>Global average pooling over height and width.</summary>
    public const string GlobalAveragePool = "global-average-pool";

    /// <summary>The tensors this layer needs, with their shapes.</summary>
    public IEnumerable<(string Name, int[] Shape)> ExpectedTensors() => Kind switch
    {
        Conv2d => [($"{Name}.weight", [Outputs, Inputs, KernelSize, KernelSize]), ($"{Name}.bias", [Outputs])],
        Dense => [($"{Name}.weight", [Outputs, Inputs]), ($"{Name}.bias", [Outputs])],
        _ => [],
    };
}
