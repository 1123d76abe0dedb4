using System.ComponentModel.DataAnnotations;

namespace Spatial.Service.Options;

/// <summary>How concurrent requests are gathered into one forward pass (section <c>Spatial:Batching</c>).</summary>
public sealed class BatchingOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string Section = "Spatial:Batching";

    /// <summary>
    /// When false every image is its own forward pass (batch size 1, no waiting). On by default: the service
    /// benchmark measured batching faster than single images even on the CPU backend.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most images in one forward pass.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>Longest time the first image of a batch waits for others to join it, in milliseconds.</summary>
    [Range(0.0, 1000.0)]
    public double MaxWaitMilliseconds { get; set; } = 2;

    /// <summary>Images that may wait for a forward pass; beyond this requests get 503 instead of queueing without bound.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Batch size actually used, after <see cref="Enabled"/>.</summary>
    public int EffectiveMaxBatchSize => Enabled ? MaxBatchSize : 1;

    /// <summary>Wait actually used, after <see cref="Enabled"/>.</summary>
    public TimeSpan EffectiveMaxWait => Enabled ? TimeSpan.FromMilliseconds(MaxWaitMilliseconds) : TimeSpan.Zero;
}
