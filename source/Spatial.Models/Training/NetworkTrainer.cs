using Spatial.Models.Data;

namespace Spatial.Models.Training;

/// <summary>
/// Mini-batch Adam on a <see cref="DualEncoderNetwork"/>. Each batch is split into a fixed number of
/// slices whose gradients are summed in slice order, so the result is the same for any thread count.
/// </summary>
internal static class NetworkTrainer
{
    private const int Slices = 4;

    public static void Train(DualEncoderNetwork network, TrainingSet data, FeatureStandardizer standardizer, TrainingOptions options, Action<string>? log)
    {
        var optimizer = new AdamOptimizer(network.Parameters, options.LearningRate, options.WeightDecay);
        var workspaces = Enumerable.Range(0, Slices).Select(_ => new DualEncoderNetwork.Workspace(network)).ToArray();
        var scratch = Enumerable.Range(0, Slices).Select(_ => new float[Math.Max(1, network.SpatialInputs)]).ToArray();
        var total = network.Parameters.Select(p => new float[p.Value.Length]).ToArray();
        var order = Enumerable.Range(0, data.Count).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism };
        var losses = new float[Slices];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, new DeterministicRandom(options.Seed, 50_000 + epoch));
            optimizer.LearningRate = options.LearningRate * (float)(0.55 + 0.45 * Math.Cos(Math.PI * epoch / options.Epochs));
            double epochLoss = 0;
            var correct = 0;
            for (var start = 0; start < data.Count; start += options.BatchSize)
            {
                var size = Math.Min(options.BatchSize, data.Count - start);
                var hits = new int[Slices];
                Parallel.For(0, Slices, parallel, s =>
                {
                    var ws = workspaces[s];
                    foreach (var g in ws.Gradients)
                        Array.Clear(g);
                    losses[s] = 0;
                    for (var i = start + s; i < start + size; i += Slices)
                    {
                        var index = order[i];
                        if (network.SpatialInputs > 0)
                            standardizer.Apply(data.FeatureRow(index), scratch[s]);
                        network.Forward(ws, data.Image(index), scratch[s]);
                        if (ArgMax(ws.Probabilities) == data.Labels[index])
                            hits[s]++;
                        losses[s] += network.Backward(ws, data.Labels[index]);
                    }
                });
                for (var p = 0; p < total.Length; p++)
                {
                    Array.Clear(total[p]);
                    for (var s = 0; s < Slices; s++)
                    {
                        var g = workspaces[s].Gradients[p];
                        for (var i = 0; i < g.Length; i++)
                            total[p][i] += g[i];
                    }
                }
                optimizer.Step(total, size);
                epochLoss += losses.Sum();
                correct += hits.Sum();
            }
            log?.Invoke($"epoch {epoch + 1}/{options.Epochs}: loss {epochLoss / data.Count:F4}, training accuracy {(double)correct / data.Count:P1}");
        }
    }

    /// <summary>Predicted class of every sample with the managed forward pass.</summary>
    public static int[] Predict(DualEncoderNetwork network, TrainingSet data, FeatureStandardizer standardizer, int parallelism)
    {
        var predictions = new int[data.Count];
        Parallel.For(0, Slices, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, s =>
        {
            var ws = new DualEncoderNetwork.Workspace(network);
            var features = new float[Math.Max(1, network.SpatialInputs)];
            for (var i = s; i < data.Count; i += Slices)
            {
                if (network.SpatialInputs > 0)
                    standardizer.Apply(data.FeatureRow(i), features);
                network.Forward(ws, data.Image(i), features);
                predictions[i] = ArgMax(ws.Probabilities);
            }
        });
        return predictions;
    }

    /// <summary>Class probabilities of one sample with the managed forward pass.</summary>
    public static float[] Probabilities(DualEncoderNetwork network, TrainingSet data, FeatureStandardizer standardizer, int index)
    {
        var ws = new DualEncoderNetwork.Workspace(network);
        var features = new float[Math.Max(1, network.SpatialInputs)];
        if (network.SpatialInputs > 0)
            standardizer.Apply(data.FeatureRow(index), features);
        network.Forward(ws, data.Image(index), features);
        return (float[])ws.Probabilities.Clone();
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }

    private static void Shuffle(int[] order, DeterministicRandom random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
