using Microsoft.Extensions.Options;
using Spatial.Kernels;
using Spatial.Service.Inference;
using Spatial.Service.Options;

namespace Spatial.Service.Model;

/// <summary>
/// Runs the first forward passes through the batcher on a synthetic image, checks that the output is a
/// probability distribution over the manifest's classes, then marks the service ready. A model that fails
/// this stops the process with a non-zero exit code.
/// </summary>
public sealed class ModelWarmup(
    InferenceBatcher batcher,
    IImageClassifier classifier,
    ModelReadiness readiness,
    IOptions<ModelOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ModelWarmup> logger) : BackgroundService
{
    /// <summary>Exit code of a process whose model failed warm-up.</summary>
    public const int FailedExitCode = 3;

    private const int SyntheticSize = 256;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(readiness.MarkStopping);
        var description = classifier.Description;
        try
        {
            var image = SyntheticImage();
            for (var i = 0; i < options.Value.WarmupIterations; i++)
            {
                var result = await batcher.ClassifyAsync(image, stoppingToken).ConfigureAwait(false);
                Verify(result.Prediction, description.Classes);
            }
            readiness.MarkReady();
            logger.LogInformation("Model {Model} {Version} ready on {Accelerator} ({Device})",
                description.ModelName, description.ModelVersion, description.Accelerator.Kind, description.Accelerator.Name);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown during warm-up: nothing to report.
        }
#pragma warning disable CA1031 // Any warm-up failure means the model must not serve; it is reported, then the host stops.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var reason = $"model {description.ModelName} {description.ModelVersion} failed warm-up: {exception.Message}";
            readiness.MarkFailed(reason);
            logger.LogCritical("{Reason}", reason);
            Environment.ExitCode = FailedExitCode;
            lifetime.StopApplication();
        }
    }

    private static void Verify(ImagePrediction prediction, IReadOnlyList<string> classes)
    {
        if (prediction.Probabilities.Count != classes.Count)
            throw new InvalidOperationException($"{prediction.Probabilities.Count} probabilities for {classes.Count} classes");
        var sum = 0.0;
        foreach (var (label, probability) in prediction.Probabilities)
        {
            if (!float.IsFinite(probability) || probability < 0 || probability > 1)
                throw new InvalidOperationException($"probability of '{label}' is {probability}");
            sum += probability;
        }
        if (Math.Abs(sum - 1) > 1e-3)
            throw new InvalidOperationException($"probabilities sum to {sum}, not 1");
        if (!classes.Contains(prediction.Label))
            throw new InvalidOperationException($"label '{prediction.Label}' is not one of the model's classes");
    }

    private static RgbImage SyntheticImage()
    {
        // A smooth gradient exercises resize, features and every encoder layer without shipping a file.
        var pixels = new byte[SyntheticSize * SyntheticSize * 3];
        for (var y = 0; y < SyntheticSize; y++)
        {
            for (var x = 0; x < SyntheticSize; x++)
            {
                var offset = (y * SyntheticSize + x) * 3;
                pixels[offset] = (byte)x;
                pixels[offset + 1] = (byte)y;
                pixels[offset + 2] = (byte)((x + y) / 2);
            }
        }
        return new RgbImage(SyntheticSize, SyntheticSize, pixels);
    }
}
