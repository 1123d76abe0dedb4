using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Spatial.Service.Contracts;
using Spatial.Service.Images;
using Spatial.Service.Inference;
using Spatial.Service.Options;
using Spatial.Service.Problems;

namespace Spatial.Service.Apis;

/// <summary><c>POST /v1/classify</c> and <c>POST /v1/classify/batch</c>.</summary>
public static class ClassifyApi
{
    private const string LoggerName = "Spatial.Service.Apis.ClassifyApi";

    /// <summary>The Retry-After of a 503: a forward pass or a decode finishes well within it.</summary>
    public const string RetryAfterSeconds = "1";

    /// <summary>Maps the classification endpoints.</summary>
    public static IEndpointRouteBuilder MapClassifyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Classify");
        string[] accepted = [.. RequestImageReader.ImageContentTypes, RequestImageReader.MultipartContentType];

        api.MapPost("/classify", ClassifyImage)
            .WithName("ClassifyImage")
            .WithSummary("Classify one image")
            .WithDescription("Body: a PNG or JPEG image (Content-Type image/png or image/jpeg), or multipart/form-data with one file part.")
            .DescribeImageBody("A PNG or JPEG image, raw or as the single file part of a multipart form.", accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/classify/batch", ClassifyBatch)
            .WithName("ClassifyBatch")
            .WithSummary("Classify several images")
            .WithDescription("Body: multipart/form-data with one file part per image; results come back in part order.")
            .DescribeImageBody("A multipart form with one file part per image.", RequestImageReader.MultipartContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    /// <summary>Classifies the single image in the request.</summary>
    public static async Task<Results<Ok<ClassifyResponse>, ProblemHttpResult>> ClassifyImage(
        HttpRequest request,
        RequestImageReader reader,
        InferenceBatcher batcher,
        IImageClassifier classifier,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await ClassifyAsync(request, 1, reader, batcher, loggers, cancellationToken);
        if (outcome.Problem is { } problem)
            return problem;

        var (image, result) = outcome.Results[0];
        var prediction = result.Prediction;
        return TypedResults.Ok(new ClassifyResponse(
            prediction.Label,
            prediction.Confidence,
            prediction.Probabilities,
            ModelOf(classifier),
            TimingsOf(image, result, Stopwatch.GetElapsedTime(started))));
    }

    /// <summary>Classifies every image part of a multipart request.</summary>
    public static async Task<Results<Ok<BatchClassifyResponse>, ProblemHttpResult>> ClassifyBatch(
        HttpRequest request,
        RequestImageReader reader,
        InferenceBatcher batcher,
        IImageClassifier classifier,
        IOptions<LimitsOptions> limits,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (request.ContentLength != 0 && request.ContentType?.StartsWith(RequestImageReader.MultipartContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            return ProblemResults.For(ProblemTypes.UnsupportedContentType,
                $"the batch endpoint takes {RequestImageReader.MultipartContentType} with one file part per image");
        }

        var outcome = await ClassifyAsync(request, limits.Value.MaxBatchImages, reader, batcher, loggers, cancellationToken);
        if (outcome.Problem is { } problem)
            return problem;

        var total = Stopwatch.GetElapsedTime(started);
        var items = outcome.Results
            .Select(pair => new BatchClassifyItem(
                pair.Image.Name,
                pair.Result.Prediction.Label,
                pair.Result.Prediction.Confidence,
                pair.Result.Prediction.Probabilities,
                TimingsOf(pair.Image, pair.Result, total)))
            .ToList();
        return TypedResults.Ok(new BatchClassifyResponse(ModelOf(classifier), items, total.TotalMilliseconds));
    }

    private static async Task<ClassifyOutcome> ClassifyAsync(
        HttpRequest request, int maxImages, RequestImageReader reader, InferenceBatcher batcher, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LoggerName);
        DecodedRequest images;
        try
        {
            images = await reader.ReadAsync(request, maxImages, cancellationToken);
        }
        catch (RequestRejectedException rejection)
        {
            return Refused(request, logger, rejection.Type, rejection.Message, LogLevel.Information);
        }
        catch (IOException exception)
        {
            // The client's connection failed mid-body: a request fault, never an inference failure.
            return Refused(request, logger, ProblemTypes.IncompleteBody, $"the body could not be read: {exception.Message}", LogLevel.Information);
        }

        using (images)
        {
            try
            {
                var results = await batcher.ClassifyAllAsync(images.Images.Select(image => image.Image).ToList(), cancellationToken);
                var pairs = new List<(UploadedImage, BatchedPrediction)>(images.Images.Count);
                for (var i = 0; i < images.Images.Count; i++)
                    pairs.Add((images.Images[i], results[i]));
                if (logger.IsEnabled(LogLevel.Debug))
                    logger.LogDebug("Classified {Count} image(s); first: {Label}", pairs.Count, results[0].Prediction.Label);
                return new ClassifyOutcome(pairs, null);
            }
            catch (InferenceUnavailableException unavailable)
            {
                return Refused(request, logger, ProblemTypes.InferenceUnavailable, unavailable.Message, LogLevel.Warning);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The batcher already logged the failure with its stack trace; the client gets the request id only.
                return new ClassifyOutcome([], ProblemResults.For(ProblemTypes.InferenceFailed,
                    $"the forward pass failed; quote request id {request.HttpContext.TraceIdentifier} when reporting it"));
            }
        }
    }

    private static ClassifyOutcome Refused(HttpRequest request, ILogger logger, ProblemType type, string detail, LogLevel level)
    {
        logger.Log(level, "Request refused: {ProblemType}: {Detail}", type.Slug, detail);
        // Capacity refusals say when to come back (RFC 9110 Retry-After), so clients back off instead of hammering.
        if (type.Status == StatusCodes.Status503ServiceUnavailable)
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return new ClassifyOutcome([], ProblemResults.For(type, detail));
    }

    private static ModelReference ModelOf(IImageClassifier classifier) =>
        new(classifier.Description.ModelName, classifier.Description.ModelVersion);

    private static ClassificationTimings TimingsOf(UploadedImage image, BatchedPrediction result, TimeSpan total) => new(
        image.Decode.TotalMilliseconds,
        result.Queue.TotalMilliseconds,
        result.Preprocess.TotalMilliseconds,
        result.Encode.TotalMilliseconds,
        total.TotalMilliseconds,
        result.BatchSize);

    private sealed record ClassifyOutcome(IReadOnlyList<(UploadedImage Image, BatchedPrediction Result)> Results, ProblemHttpResult? Problem);
}
