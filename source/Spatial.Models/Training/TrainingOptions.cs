namespace Spatial.Models.Training;

/// <summary>Hyper-parameters and data sizes of the reference recipe. Same options and seed give the same weights, bit for bit.</summary>
public sealed record TrainingOptions
{
    /// <summary>Seed of the training images, the initial weights and the shuffling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Generated training images.</summary>
    public int TrainingSamples { get; init; } = 6000;

    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Images per optimiser step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's initial learning rate (cosine-decayed to a tenth by the last epoch).</summary>
    public float LearningRate { get; init; } = 0.003f;

    /// <summary>Decoupled weight decay (AdamW) on weights, not biases: keeps the spatial encoder from memorising.</summary>
    public float WeightDecay { get; init; } = 0.3f;

    /// <summary>Held-out images the metrics are measured on (a seed training never sees).</summary>
    public int HeldOutSamples { get; init; } = 1000;

    /// <summary>Seed of the held-out set.</summary>
    public int HeldOutSeed { get; init; } = 777_001;

    /// <summary>Also train the visual-only ablation and report its accuracy.</summary>
    public bool Ablation { get; init; } = true;

    /// <summary>Threads used; the result does not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (TrainingSamples < 1 || Epochs < 1 || BatchSize < 1 || HeldOutSamples < 1 || Parallelism < 1)
            throw new ArgumentException("training samples, epochs, batch size, held-out samples and parallelism must all be positive");
        if (!(LearningRate > 0) || WeightDecay < 0)
            throw new ArgumentException($"learning rate must be positive and weight decay non-negative, got {LearningRate} and {WeightDecay}");
        if (HeldOutSeed == Seed)
            throw new ArgumentException("the held-out seed must differ from the training seed");
    }
}
