using Prometheus;
using Spatial.Service.Inference;

namespace Spatial.Service.Metrics;

/// <summary>Prometheus series for the forward pass, labelled with the model version and accelerator in use.</summary>
public sealed class InferenceMetrics
{
    private static readonly string[] ModelLabels = ["model", "version", "accelerator"];

    private static readonly Gauge ModelInfo = Prometheus.Metrics.CreateGauge(
        "spatial_model_info", "The model being served (value is always 1).", ModelLabels);

    private static readonly Histogram BatchSizes = Prometheus.Metrics.CreateHistogram(
        "spatial_inference_batch_size", "Images per forward pass.",
        new HistogramConfiguration { LabelNames = ModelLabels, Buckets = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    private static readonly Histogram ForwardSeconds = Prometheus.Metrics.CreateHistogram(
        "spatial_inference_forward_seconds", "Duration of one forward pass (preprocess + encode).",
        new HistogramConfiguration { LabelNames = ModelLabels, Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    private static readonly Gauge QueueDepth = Prometheus.Metrics.CreateGauge(
        "spatial_inference_queue_depth", "Images waiting for a forward pass.", ModelLabels);

    private static readonly Counter Rejections = Prometheus.Metrics.CreateCounter(
        "spatial_request_rejections_total", "Requests refused with a problem response, by problem type.",
        new CounterConfiguration { LabelNames = ["type"] });

    private readonly Histogram.Child _batchSizes;
    private readonly Histogram.Child _forwardSeconds;
    private readonly Gauge.Child _queueDepth;

    /// <summary>Creates the series for the model the classifier serves.</summary>
    public InferenceMetrics(IImageClassifier classifier)
    {
        var description = classifier.Description;
        string[] labels = [description.ModelName, description.ModelVersion, description.Accelerator.Kind.ToString()];
        ModelInfo.WithLabels(labels).Set(1);
        _batchSizes = BatchSizes.WithLabels(labels);
        _forwardSeconds = ForwardSeconds.WithLabels(labels);
        _queueDepth = QueueDepth.WithLabels(labels);
    }

    /// <summary>Records one forward pass.</summary>
    public void ObserveForwardPass(int batchSize, TimeSpan duration)
    {
        _batchSizes.Observe(batchSize);
        _forwardSeconds.Observe(duration.TotalSeconds);
    }

    /// <summary>Moves the queue-depth gauge.</summary>
    public void ChangeQueueDepth(int delta) => _queueDepth.Inc(delta);

    /// <summary>Counts a refused request by its problem type.</summary>
    public static void CountRejection(string problemType) => Rejections.WithLabels(problemType).Inc();
}
