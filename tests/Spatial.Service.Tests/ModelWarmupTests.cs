using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spatial.Service.Inference;
using Spatial.Service.Metrics;
using Spatial.Service.Model;
using Spatial.Service.Options;
using Spatial.Service.Tests.Support;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Spatial.Service.Tests;

/// <summary>Warm-up decides readiness: a model whose output is not a distribution over its classes never serves.</summary>
public sealed class ModelWarmupTests
{
    private static async Task<(ModelReadiness Readiness, StoppableLifetime Lifetime)> WarmUpAsync(IImageClassifier classifier)
    {
        var batcher = new InferenceBatcher(classifier, MsOptions.Create(new BatchingOptions()), new InferenceMetrics(classifier), NullLogger<InferenceBatcher>.Instance);
        var readiness = new ModelReadiness();
        var lifetime = new StoppableLifetime();
        var warmup = new ModelWarmup(batcher, classifier, readiness, MsOptions.Create(new ModelOptions { WarmupIterations = 2 }), lifetime, NullLogger<ModelWarmup>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        await batcher.StopAsync(CancellationToken.None);
        return (readiness, lifetime);
    }

    [Test]
    public async Task A_healthy_model_becomes_ready()
    {
        using var classifier = new FakeClassifier();

        var (readiness, lifetime) = await WarmUpAsync(classifier);

        Assert.That(readiness.State, Is.EqualTo(ModelState.Ready));
        Assert.That(lifetime.StopRequested, Is.False);
        Assert.That(classifier.BatchSizes, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_failing_forward_pass_fails_warm_up_and_stops_the_process_with_its_exit_code()
    {
        using var classifier = new FakeClassifier { FailNext = new InvalidOperationException("weights produce NaN") };
        var exitCode = Environment.ExitCode;
        try
        {
            var (readiness, lifetime) = await WarmUpAsync(classifier);

            Assert.That(readiness.State, Is.EqualTo(ModelState.Failed));
            Assert.That(readiness.Reason, Does.Contain("weights produce NaN"));
            Assert.That(lifetime.StopRequested, Is.True);
            Assert.That(Environment.ExitCode, Is.EqualTo(ModelWarmup.FailedExitCode));
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Test]
    public async Task Output_that_is_not_a_probability_distribution_fails_warm_up()
    {
        using var classifier = new SkewedClassifier();

        var (readiness, _) = await WarmUpAsync(classifier);

        Assert.That(readiness.State, Is.EqualTo(ModelState.Failed));
        Assert.That(readiness.Reason, Does.Contain("sum to"));
    }

    [Test]
    public void Readiness_never_returns_once_stopping()
    {
        var readiness = new ModelReadiness();
        readiness.MarkReady();
        readiness.MarkStopping();
        readiness.MarkReady();

        Assert.That(readiness.State, Is.EqualTo(ModelState.Stopping));
    }

    /// <summary>Probabilities that do not sum to one, as a broken head would produce.</summary>
    private sealed class SkewedClassifier : IImageClassifier
    {
        private readonly FakeClassifier _inner = new();

        public ClassifierDescription Description => _inner.Description;

        public PredictionBatch Classify(IReadOnlyList<Kernels.RgbImage> images) => new(
            images.Select(_ => new ImagePrediction("red", 0.9f, new Dictionary<string, float> { ["red"] = 0.9f, ["green"] = 0.9f, ["blue"] = 0.9f })).ToList(),
            TimeSpan.Zero, TimeSpan.Zero);

        public void Dispose() => _inner.Dispose();
    }

    private sealed class StoppableLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public bool StopRequested { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequested = true;
    }
}
