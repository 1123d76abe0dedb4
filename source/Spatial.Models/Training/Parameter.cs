namespace Spatial.Models.Training;

/// <summary>A trainable tensor: its name in the weights file, shape and values.</summary>
internal sealed class Parameter(string name, int[] shape)
{
    public string Name { get; } = name;

    public int[] Shape { get; } = shape;

    public float[] Value { get; } = new float[shape.Aggregate(1, (p, d) => p * d)];
}
