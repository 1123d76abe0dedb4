using System.Collections.Concurrent;
using Spatial.Kernels;
using Spatial.Service.Inference;

namespace Spatial.Service.Tests.Support;

/// <summary>
/// Test double behind the service's classifier port for contract tests: labels an image by its dominant
/// channel (red, green or blue), can be held at a gate or made slow, records batch sizes, and fails the
/// test run if it is ever called concurrently (the batcher promises one call at a time).
/// </summary>
internal sealed class FakeClassifier : IImageClassifier
{
    public static readonly string[] Classes = ["red", "green", "blue"];

    private int _active;

    public ClassifierDescription Description { get; } = new(
        "fake-colours", "9.8.7", Classes,
        new AcceleratorDescription("test CPU", AcceleratorChoice.Cpu, 1L << 30, null, 8, 1, 2));

    /// <summary>While unset, every forward pass waits here.</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    /// <summary>Extra time each forward pass takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, the next forward pass throws it.</summary>
    public Exception? FailNext { get; set; }

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public int ConcurrentCalls { get; private set; }

    public PredictionBatch Classify(IReadOnlyList<RgbImage> images)
    {
        if (Interlocked.Increment(ref _active) > 1)
            ConcurrentCalls++;
        try
        {
            Gate.Wait(TimeSpan.FromSeconds(30));
            if (Delay > TimeSpan.Zero)
                Thread.Sleep(Delay);
            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }
            BatchSizes.Enqueue(images.Count);
            return new PredictionBatch(images.Select(Predict).ToList(), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    /// <summary>Softmax over the mean of each channel: the expected answer for any image.</summary>
    public static ImagePrediction Predict(RgbImage image)
    {
        var sums = new double[3];
        var pixels = image.Pixels.Span;
        for (var i = 0; i < pixels.Length; i++)
            sums[i % 3] += pixels[i];
        var means = sums.Select(sum => sum / (image.Width * image.Height) / 255.0 * 8).ToArray();
        var exps = means.Select(Math.Exp).ToArray();
        var total = exps.Sum();
        var probabilities = Classes.Select((label, i) => (label, p: (float)(exps[i] / total))).ToDictionary(x => x.label, x => x.p);
        var best = probabilities.MaxBy(pair => pair.Value);
        return new ImagePrediction(best.Key, best.Value, probabilities);
    }

    public void Dispose() => Gate.Dispose();
}
