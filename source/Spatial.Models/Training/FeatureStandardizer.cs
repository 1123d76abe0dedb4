namespace Spatial.Models.Training;

/// <summary>
/// Per-feature mean and standard deviation of the training set's spatial features. Training sees
/// standardised features; export folds the standardisation into the first spatial dense layer, so
/// inference feeds raw kernel features and needs no extra op.
/// </summary>
internal sealed class FeatureStandardizer
{
    private FeatureStandardizer(float[] mean, float[] std)
    {
        Mean = mean;
        Std = std;
    }

    public float[] Mean { get; }

    public float[] Std { get; }

    public static FeatureStandardizer Fit(float[] features, int count, int width)
    {
        var mean = new double[width];
        var square = new double[width];
        for (var n = 0; n < count; n++)
        {
            for (var i = 0; i < width; i++)
            {
                double x = features[n * width + i];
                mean[i] += x;
                square[i] += x * x;
            }
        }
        var m = new float[width];
        var s = new float[width];
        for (var i = 0; i < width; i++)
        {
            var mu = mean[i] / count;
            var variance = Math.Max(square[i] / count - mu * mu, 0);
            m[i] = (float)mu;
            // Constant features (e.g. a patch's fixed position) get unit scale instead of a division by zero.
            s[i] = variance > 1e-10 ? (float)Math.Sqrt(variance) : 1f;
        }
        return new FeatureStandardizer(m, s);
    }

    public void Apply(ReadOnlySpan<float> raw, Span<float> standardised)
    {
        for (var i = 0; i < Mean.Length; i++)
            standardised[i] = (raw[i] - Mean[i]) / Std[i];
    }

    /// <summary>W' = W / std, b' = b - W' mean: the same layer applied to raw features.</summary>
    public (float[] Weights, float[] Bias) Fold(float[] weights, float[] bias, int outputs)
    {
        var inputs = Mean.Length;
        var w = new float[weights.Length];
        var b = new float[outputs];
        for (var o = 0; o < outputs; o++)
        {
            double shift = 0;
            for (var i = 0; i < inputs; i++)
            {
                w[o * inputs + i] = weights[o * inputs + i] / Std[i];
                shift += (double)w[o * inputs + i] * Mean[i];
            }
            b[o] = (float)(bias[o] - shift);
        }
        return (w, b);
    }
}
