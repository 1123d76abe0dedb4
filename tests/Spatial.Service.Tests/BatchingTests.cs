using Microsoft.Extensions.Logging.Abstractions;
using Spatial.Kernels;
using Spatial.Service.Inference;
using Spatial.Service.Metrics;
using Spatial.Service.Options;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>The micro-batcher: gathering, limits, one forward pass at a time, back-pressure and draining.</summary>
public sealed class BatchingTests
{
    private static readonly RgbImage Image = new(2, 2, new byte[12]);

    private static InferenceBatcher Create(FakeClassifier classifier, BatchingOptions options) =>
        new(classifier, Microsoft.Extensions.Options.Options.Create(options), new InferenceMetrics(classifier), NullLogger<InferenceBatcher>.Instance);

    [Test]
    public async Task Concurrent_images_share_forward_passes_up_to_the_maximum_size_and_never_overlap()
    {
        using var classifier = new FakeClassifier { Delay = TimeSpan.FromMilliseconds(20) };
        var batcher = Create(classifier, new BatchingOptions { Enabled = true, MaxBatchSize = 8, MaxWaitMilliseconds = 5 });
        await batcher.StartAsync(CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => batcher.ClassifyAsync(Image))));
        await batcher.StopAsync(CancellationToken.None);

        var sizes = classifier.BatchSizes.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sizes.Sum(), Is.EqualTo(64));
            Assert.That(sizes, Has.All.InRange(1, 8));
            Assert.That(sizes.Max(), Is.EqualTo(8), "64 concurrent images should fill at least one batch");
            Assert.That(sizes.Count, Is.LessThan(64 / 2));
            Assert.That(classifier.ConcurrentCalls, Is.Zero);
            Assert.That(results.Select(r => r.BatchSize), Has.All.InRange(1, 8));
        });
    }

    [Test]
    public async Task Disabled_batching_runs_every_image_alone()
    {
        using var classifier = new FakeClassifier { Delay = TimeSpan.FromMilliseconds(2) };
        var batcher = Create(classifier, new BatchingOptions { Enabled = false, MaxBatchSize = 8 });
        await batcher.StartAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => batcher.ClassifyAsync(Image))));
        await batcher.StopAsync(CancellationToken.None);

        Assert.That(classifier.BatchSizes, Has.Count.EqualTo(20).And.All.EqualTo(1));
    }

    [Test]
    public async Task A_lone_image_waits_no_longer_than_the_maximum_wait()
    {
        using var classifier = new FakeClassifier();
        var batcher = Create(classifier, new BatchingOptions { Enabled = true, MaxBatchSize = 64, MaxWaitMilliseconds = 30 });
        await batcher.StartAsync(CancellationToken.None);

        var result = await batcher.ClassifyAsync(Image).WaitAsync(TimeSpan.FromSeconds(5));
        await batcher.StopAsync(CancellationToken.None);

        Assert.That(result.BatchSize, Is.EqualTo(1));
        Assert.That(result.Queue, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(25)).And.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task A_full_queue_refuses_instead_of_growing()
    {
        using var classifier = new FakeClassifier();
        classifier.Gate.Reset();
        var batcher = Create(classifier, new BatchingOptions { MaxBatchSize = 1, QueueCapacity = 4 });
        await batcher.StartAsync(CancellationToken.None);

        var accepted = new List<Task<BatchedPrediction>>();
        var refused = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                accepted.Add(batcher.ClassifyAsync(Image));
            }
            catch (InferenceUnavailableException)
            {
                refused++;
            }
            await Task.Delay(5);
        }
        classifier.Gate.Set();
        await Task.WhenAll(accepted).WaitAsync(TimeSpan.FromSeconds(10));
        await batcher.StopAsync(CancellationToken.None);

        // One image is in the (blocked) forward pass, four wait in the queue, the rest are refused.
        Assert.That(accepted, Has.Count.EqualTo(5));
        Assert.That(refused, Is.EqualTo(5));
    }

    [Test]
    public async Task Stopping_drains_queued_images_and_refuses_new_ones()
    {
        using var classifier = new FakeClassifier();
        classifier.Gate.Reset();
        var batcher = Create(classifier, new BatchingOptions { Enabled = true, MaxBatchSize = 2 });
        await batcher.StartAsync(CancellationToken.None);
        var queued = Enumerable.Range(0, 5).Select(_ => batcher.ClassifyAsync(Image)).ToList();

        var stopping = batcher.StopAsync(CancellationToken.None);
        var refused = Assert.Throws<InferenceUnavailableException>(() => batcher.ClassifyAsync(Image));
        classifier.Gate.Set();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(refused!.Message, Does.Contain("shutting down"));
        Assert.That(queued.Select(t => t.Status), Has.All.EqualTo(TaskStatus.RanToCompletion));
    }
}

public class BatchingDefaultsTests
{
    [TestCase(AcceleratorChoice.Cuda, true)]
    [TestCase(AcceleratorChoice.Cpu, false)]
    [TestCase(AcceleratorChoice.IlgpuCpu, false)]
    public void Unset_batching_follows_the_accelerator(AcceleratorChoice accelerator, bool expected)
    {
        var options = new BatchingOptions();
        Assert.That(options.IsEnabledFor(accelerator), Is.EqualTo(expected));
        Assert.That(options.EffectiveMaxBatchSize(accelerator), Is.EqualTo(expected ? options.MaxBatchSize : 1));
    }

    [Test]
    public void An_explicit_setting_wins_over_the_accelerator()
    {
        Assert.That(new BatchingOptions { Enabled = true }.IsEnabledFor(AcceleratorChoice.Cpu), Is.True);
        Assert.That(new BatchingOptions { Enabled = false }.IsEnabledFor(AcceleratorChoice.Cuda), Is.False);
    }
}
