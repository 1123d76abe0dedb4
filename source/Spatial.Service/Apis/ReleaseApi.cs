using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Spatial.Service.Contracts;
using Spatial.Service.Inference;
using Spatial.Service.Options;

namespace Spatial.Service.Apis;

/// <summary><c>GET /v1/release</c>: the release this replica serves.</summary>
public static class ReleaseApi
{
    /// <summary>Maps the release endpoint.</summary>
    public static IEndpointRouteBuilder MapReleaseApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1").WithTags("Release")
            .MapGet("/release", GetRelease)
            .WithName("GetRelease")
            .WithSummary("The served release")
            .WithDescription("Release id, service build, source commit and creation time as deployed, the environment and replica, and the identity (name, version, manifest SHA-256) of the model actually loaded.");
        return app;
    }

    /// <summary>Describes the served release.</summary>
    public static Ok<ReleaseResponse> GetRelease(IImageClassifier classifier, IOptions<ReleaseOptions> release)
    {
        var model = classifier.Description;
        var stated = release.Value;
        return TypedResults.Ok(new ReleaseResponse(
            stated.Id, stated.ServiceBuild, stated.SourceCommit, stated.CreatedAt, stated.Environment, stated.Replica,
            new ReleaseModelResponse(model.ModelName, model.ModelVersion, model.ManifestSha256)));
    }
}
