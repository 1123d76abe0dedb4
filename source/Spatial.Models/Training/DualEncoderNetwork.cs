using Spatial.Models.Data;

namespace Spatial.Models.Training;

/// <summary>
/// The trainable form of the dual-encoder classifier: conv layers + global average pooling over the
/// preprocessed image, dense layers over standardised spatial features, and a dense head over the
/// concatenation. With no spatial layers it is the visual-only ablation.
/// </summary>
internal sealed class DualEncoderNetwork
{
    public DualEncoderNetwork(IReadOnlyList<LayerSpec> visual, IReadOnlyList<LayerSpec> spatial, IReadOnlyList<LayerSpec> head, int inputHeight, int inputWidth, int seed)
    {
        Visual = visual.Where(l => l.Kind == LayerSpec.Conv2d).ToList();
        Spatial = spatial;
        Head = head;
        var (h, w) = (inputHeight, inputWidth);
        var geometries = new List<ConvGeometry>();
        foreach (var layer in Visual)
        {
            var g = new ConvGeometry(layer.Inputs, h, w, layer.Outputs, layer.KernelSize, layer.Stride, layer.Padding, layer.Relu);
            geometries.Add(g);
            (h, w) = (g.OutHeight, g.OutWidth);
        }
        Geometries = geometries;
        var stream = 0;
        foreach (var layer in Visual.Concat(Spatial).Concat(Head))
        {
            foreach (var (name, shape) in layer.ExpectedTensors())
            {
                var parameter = new Parameter(name, shape);
                if (name.EndsWith(".weight", StringComparison.Ordinal))
                    HeInitialise(parameter, new DeterministicRandom(seed, 1000 + stream++));
                Parameters.Add(parameter);
            }
        }
    }

    public IReadOnlyList<LayerSpec> Visual { get; }

    public IReadOnlyList<LayerSpec> Spatial { get; }

    public IReadOnlyList<LayerSpec> Head { get; }

    public IReadOnlyList<ConvGeometry> Geometries { get; }

    public List<Parameter> Parameters { get; } = [];

    public int VisualEmbedding => Visual[^1].Outputs;

    public int SpatialEmbedding => Spatial.Count == 0 ? 0 : Spatial[^1].Outputs;

    public int SpatialInputs => Spatial.Count == 0 ? 0 : Spatial[0].Inputs;

    public int Classes => Head[^1].Outputs;

    public Parameter this[string name] => Parameters.First(p => p.Name == name);

    private static void HeInitialise(Parameter parameter, DeterministicRandom random)
    {
        var fanIn = parameter.Value.Length / parameter.Shape[0];
        var std = Math.Sqrt(2.0 / fanIn);
        for (var i = 0; i < parameter.Value.Length; i++)
            parameter.Value[i] = (float)(random.NextGaussian() * std);
    }

    /// <summary>Per-thread buffers for one sample's forward and backward pass.</summary>
    public sealed class Workspace
    {
        public Workspace(DualEncoderNetwork network)
        {
            var g = network.Geometries;
            ConvActivations = [new float[g[0].InChannels * g[0].Height * g[0].Width], .. g.Select(x => new float[x.OutChannels * x.OutHeight * x.OutWidth])];
            ConvGradients = ConvActivations.Select(a => new float[a.Length]).ToArray();
            var spatialSizes = new[] { network.SpatialInputs }.Concat(network.Spatial.Select(l => l.Outputs)).ToArray();
            SpatialActivations = spatialSizes.Select(n => new float[n]).ToArray();
            SpatialGradients = spatialSizes.Select(n => new float[n]).ToArray();
            var headSizes = new[] { network.VisualEmbedding + network.SpatialEmbedding }.Concat(network.Head.Select(l => l.Outputs)).ToArray();
            HeadActivations = headSizes.Select(n => new float[n]).ToArray();
            HeadGradients = headSizes.Select(n => new float[n]).ToArray();
            Probabilities = new float[network.Classes];
            Gradients = network.Parameters.Select(p => new float[p.Value.Length]).ToArray();
        }

        public float[][] ConvActivations { get; }

        public float[][] ConvGradients { get; }

        public float[][] SpatialActivations { get; }

        public float[][] SpatialGradients { get; }

        public float[][] HeadActivations { get; }

        public float[][] HeadGradients { get; }

        public float[] Probabilities { get; }

        /// <summary>Accumulated parameter gradients, aligned with <see cref="Parameters"/>.</summary>
        public float[][] Gradients { get; }
    }

    /// <summary>Forward pass for one sample; probabilities land in <see cref="Workspace.Probabilities"/>.</summary>
    public void Forward(Workspace ws, ReadOnlySpan<float> image, ReadOnlySpan<float> standardisedFeatures)
    {
        image.CopyTo(ws.ConvActivations[0]);
        for (var l = 0; l < Visual.Count; l++)
            Convolution.Forward(Geometries[l], ws.ConvActivations[l], this[$"{Visual[l].Name}.weight"].Value, this[$"{Visual[l].Name}.bias"].Value, ws.ConvActivations[l + 1]);
        var last = Geometries[^1];
        var plane = last.OutHeight * last.OutWidth;
        var fused = ws.HeadActivations[0];
        for (var c = 0; c < last.OutChannels; c++)
        {
            var sum = 0f;
            for (var i = 0; i < plane; i++)
                sum += ws.ConvActivations[^1][c * plane + i];
            fused[c] = sum / plane;
        }
        if (Spatial.Count > 0)
        {
            standardisedFeatures.CopyTo(ws.SpatialActivations[0]);
            for (var l = 0; l < Spatial.Count; l++)
                DenseForward(Spatial[l], ws.SpatialActivations[l], ws.SpatialActivations[l + 1]);
            ws.SpatialActivations[^1].CopyTo(fused, VisualEmbedding);
        }
        for (var l = 0; l < Head.Count; l++)
            DenseForward(Head[l], ws.HeadActivations[l], ws.HeadActivations[l + 1]);
        Softmax(ws.HeadActivations[^1], ws.Probabilities);
    }

    /// <summary>Backward pass of softmax cross-entropy for the sample last run through <see cref="Forward"/>; returns its loss.</summary>
    public float Backward(Workspace ws, int label)
    {
        var loss = -MathF.Log(Math.Max(ws.Probabilities[label], 1e-12f));
        var logitGrad = ws.HeadGradients[^1];
        for (var k = 0; k < logitGrad.Length; k++)
            logitGrad[k] = ws.Probabilities[k] - (k == label ? 1f : 0f);
        for (var l = Head.Count - 1; l >= 0; l--)
            DenseBackward(ws, Head[l], ws.HeadActivations[l], ws.HeadActivations[l + 1], ws.HeadGradients[l + 1], ws.HeadGradients[l]);
        if (Spatial.Count > 0)
        {
            Array.Copy(ws.HeadGradients[0], VisualEmbedding, ws.SpatialGradients[^1], 0, SpatialEmbedding);
            for (var l = Spatial.Count - 1; l >= 0; l--)
                DenseBackward(ws, Spatial[l], ws.SpatialActivations[l], ws.SpatialActivations[l + 1], ws.SpatialGradients[l + 1], l > 0 ? ws.SpatialGradients[l] : null);
        }
        var last = Geometries[^1];
        var plane = last.OutHeight * last.OutWidth;
        var top = ws.ConvGradients[^1];
        for (var c = 0; c < last.OutChannels; c++)
        {
            var g = ws.HeadGradients[0][c] / plane;
            for (var i = 0; i < plane; i++)
                top[c * plane + i] = g;
        }
        for (var l = Visual.Count - 1; l >= 0; l--)
        {
            var output = ws.ConvActivations[l + 1];
            var outputGrad = ws.ConvGradients[l + 1];
            if (Visual[l].Relu)
            {
                for (var i = 0; i < output.Length; i++)
                {
                    if (output[i] <= 0)
                        outputGrad[i] = 0;
                }
            }
            Convolution.Backward(Geometries[l], ws.ConvActivations[l], this[$"{Visual[l].Name}.weight"].Value, outputGrad,
                ws.Gradients[IndexOf($"{Visual[l].Name}.weight")], ws.Gradients[IndexOf($"{Visual[l].Name}.bias")], l > 0 ? ws.ConvGradients[l] : null);
        }
        return loss;
    }

    private int IndexOf(string name) => Parameters.FindIndex(p => p.Name == name);

    private void DenseForward(LayerSpec layer, float[] input, float[] output)
    {
        var w = this[$"{layer.Name}.weight"].Value;
        var b = this[$"{layer.Name}.bias"].Value;
        for (var o = 0; o < layer.Outputs; o++)
        {
            var sum = b[o];
            var row = o * layer.Inputs;
            for (var i = 0; i < layer.Inputs; i++)
                sum += w[row + i] * input[i];
            output[o] = layer.Relu ? Math.Max(sum, 0f) : sum;
        }
    }

    private void DenseBackward(Workspace ws, LayerSpec layer, float[] input, float[] output, float[] outputGrad, float[]? inputGrad)
    {
        var w = this[$"{layer.Name}.weight"].Value;
        var wGrad = ws.Gradients[IndexOf($"{layer.Name}.weight")];
        var bGrad = ws.Gradients[IndexOf($"{layer.Name}.bias")];
        if (inputGrad is not null)
            Array.Clear(inputGrad, 0, layer.Inputs);
        for (var o = 0; o < layer.Outputs; o++)
        {
            var g = layer.Relu && output[o] <= 0 ? 0f : outputGrad[o];
            if (g == 0f)
                continue;
            bGrad[o] += g;
            var row = o * layer.Inputs;
            for (var i = 0; i < layer.Inputs; i++)
            {
                wGrad[row + i] += g * input[i];
                if (inputGrad is not null)
                    inputGrad[i] += g * w[row + i];
            }
        }
    }

    private static void Softmax(float[] logits, float[] probabilities)
    {
        var max = logits.Max();
        var sum = 0f;
        for (var k = 0; k < logits.Length; k++)
        {
            probabilities[k] = MathF.Exp(logits[k] - max);
            sum += probabilities[k];
        }
        for (var k = 0; k < logits.Length; k++)
            probabilities[k] /= sum;
    }
}
