namespace Spatial.Models.Training;

/// <summary>Adam (Kingma and Ba, 2015) with decoupled weight decay on weights (AdamW, Loshchilov and Hutter, 2019).</summary>
internal sealed class AdamOptimizer(IReadOnlyList<Parameter> parameters, float learningRate, float weightDecay, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
{
    private readonly float[][] _m = parameters.Select(p => new float[p.Value.Length]).ToArray();
    private readonly float[][] _v = parameters.Select(p => new float[p.Value.Length]).ToArray();
    private int _step;

    /// <summary>The current learning rate (a schedule may lower it).</summary>
    public float LearningRate { get; set; } = learningRate;

    /// <summary>Applies one update from gradients averaged over <paramref name="batchSize"/> samples.</summary>
    public void Step(float[][] gradients, int batchSize)
    {
        _step++;
        var correction1 = 1 - MathF.Pow(beta1, _step);
        var correction2 = 1 - MathF.Pow(beta2, _step);
        var scale = 1f / batchSize;
        for (var p = 0; p < parameters.Count; p++)
        {
            var value = parameters[p].Value;
            var g = gradients[p];
            var m = _m[p];
            var v = _v[p];
            var decay = parameters[p].Name.EndsWith(".weight", StringComparison.Ordinal) ? 1 - LearningRate * weightDecay : 1f;
            for (var i = 0; i < value.Length; i++)
            {
                var grad = g[i] * scale;
                m[i] = beta1 * m[i] + (1 - beta1) * grad;
                v[i] = beta2 * v[i] + (1 - beta2) * grad * grad;
                value[i] = value[i] * decay - LearningRate * (m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + epsilon);
            }
        }
    }
}
