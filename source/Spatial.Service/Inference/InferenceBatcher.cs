using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Spatial.Kernels;
using Spatial.Service.Metrics;
using Spatial.Service.Options;

namespace Spatial.Service.Inference;

/// <summary>
/// Gathers images from concurrent requests into micro-batches (up to a size, for at most a wait) and runs
/// each batch as one forward pass on a single worker, so the accelerator sees full batches under load.
/// On shutdown it stops taking work only after the queue is empty.
/// </summary>
public sealed class InferenceBatcher : IHostedService
{
    private readonly IImageClassifier _classifier;
    private readonly InferenceMetrics _metrics;
    private readonly ILogger<InferenceBatcher> _logger;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxWait;
    private readonly int _capacity;
    private readonly Channel<PendingImage> _queue;
    private bool _stopping;
    private Task _worker = Task.CompletedTask;

    /// <summary>Creates a batcher in front of <paramref name="classifier"/>.</summary>
    public InferenceBatcher(IImageClassifier classifier, IOptions<BatchingOptions> options, InferenceMetrics metrics, ILogger<InferenceBatcher> logger)
    {
        _classifier = classifier;
        _metrics = metrics;
        _logger = logger;
        var accelerator = classifier.Description.Accelerator.Kind;
        _maxBatchSize = options.Value.EffectiveMaxBatchSize(accelerator);
        _maxWait = options.Value.EffectiveMaxWait(accelerator);
        _capacity = options.Value.QueueCapacity;
        _queue = Channel.CreateBounded<PendingImage>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Queues one image and completes when its batch has been classified.</summary>
    /// <exception cref="InferenceUnavailableException">The queue is at capacity or the service is stopping.</exception>
    public Task<BatchedPrediction> ClassifyAsync(RgbImage image, CancellationToken cancellationToken = default)
    {
        var pending = new PendingImage(image, Stopwatch.GetTimestamp(), cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InferenceUnavailableException(Volatile.Read(ref _stopping)
                ? "the service is shutting down"
                : $"the inference queue is full ({_capacity} images waiting); retry later");
        }
        _metrics.ChangeQueueDepth(1);
        return pending.Completion.Task;
    }

    /// <summary>Queues several images (they may share or split batches) and completes when all are classified.</summary>
    public async Task<IReadOnlyList<BatchedPrediction>> ClassifyAllAsync(IReadOnlyList<RgbImage> images, CancellationToken cancellationToken = default)
    {
        var tasks = new Task<BatchedPrediction>[images.Count];
        for (var i = 0; i < images.Count; i++)
            tasks[i] = ClassifyAsync(images[i], cancellationToken);
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not a BackgroundService: its worker is skipped when stopped before it ran, stranding queued images.
        _worker = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stopping, true);
        // Completing the writer lets the worker drain what is queued before it ends.
        _queue.Writer.TryComplete();
        await _worker.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingImage>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            await FillBatchAsync(reader, batch).ConfigureAwait(false);
            _metrics.ChangeQueueDepth(-batch.Count);
            RunForwardPass(batch);
        }
    }

    private async Task FillBatchAsync(ChannelReader<PendingImage> reader, List<PendingImage> batch)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_maxWait.TotalSeconds * Stopwatch.Frequency);
        while (batch.Count < _maxBatchSize)
        {
            if (reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count == 0 || remaining <= TimeSpan.Zero)
            {
                if (batch.Count > 0)
                    return;
                await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false);
                continue;
            }
            using var wait = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void RunForwardPass(List<PendingImage> batch)
    {
        // Requests abandoned while queued are not worth a forward pass.
        batch.RemoveAll(static pending => pending.Cancellation.IsCancellationRequested && pending.Completion.TrySetCanceled(pending.Cancellation));
        if (batch.Count == 0)
            return;

        var started = Stopwatch.GetTimestamp();
        var images = new RgbImage[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            images[i] = batch[i].Image;

        PredictionBatch result;
        try
        {
            result = _classifier.Classify(images);
            if (result.Predictions.Count != images.Length)
                throw new InvalidOperationException($"the classifier returned {result.Predictions.Count} predictions for {images.Length} images");
        }
#pragma warning disable CA1031 // Every waiting request must hear about the failure; the worker itself must survive it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogError(exception, "Forward pass over {BatchSize} images failed", images.Length);
            foreach (var pending in batch)
                pending.Completion.TrySetException(exception);
            return;
        }

        _metrics.ObserveForwardPass(images.Length, result.Preprocess + result.Encode);
        for (var i = 0; i < batch.Count; i++)
        {
            var queued = Stopwatch.GetElapsedTime(batch[i].Submitted, started);
            batch[i].Completion.TrySetResult(new BatchedPrediction(result.Predictions[i], queued, result.Preprocess, result.Encode, images.Length));
        }
    }

    private sealed record PendingImage(RgbImage Image, long Submitted, CancellationToken Cancellation)
    {
        public TaskCompletionSource<BatchedPrediction> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
