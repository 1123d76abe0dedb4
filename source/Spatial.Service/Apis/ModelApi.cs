using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Spatial.Service.Contracts;
using Spatial.Service.Inference;
using Spatial.Service.Model;
using Spatial.Service.Options;

namespace Spatial.Service.Apis;

/// <summary><c>GET /v1/model</c>: what is served and on which accelerator.</summary>
public static class ModelApi
{
    /// <summary>Maps the model endpoint.</summary>
    public static IEndpointRouteBuilder MapModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1").WithTags("Model")
            .MapGet("/model", GetModel)
            .WithName("GetModel")
            .WithSummary("The served model")
            .WithDescription("Model name, version and classes, the accelerator in use, the batching in effect and the readiness state.");
        return app;
    }

    /// <summary>Describes the served model.</summary>
    public static Ok<ModelResponse> GetModel(IImageClassifier classifier, ModelReadiness readiness, IOptions<BatchingOptions> batching)
    {
        var description = classifier.Description;
        var accelerator = description.Accelerator;
        var options = batching.Value;
        return TypedResults.Ok(new ModelResponse(
            description.ModelName,
            description.ModelVersion,
            description.Classes,
            new AcceleratorResponse(accelerator.Name, accelerator.Kind, accelerator.MemoryBytes, accelerator.ComputeCapability, accelerator.ProcessorCount),
            new BatchingResponse(options.IsEnabledFor(accelerator.Kind), options.EffectiveMaxBatchSize(accelerator.Kind), options.EffectiveMaxWait(accelerator.Kind).TotalMilliseconds),
            readiness.State.ToString()));
    }
}
