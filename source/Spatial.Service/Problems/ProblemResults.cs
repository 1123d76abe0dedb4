using Microsoft.AspNetCore.Http.HttpResults;
using Spatial.Service.Metrics;

namespace Spatial.Service.Problems;

/// <summary>Builds problem responses from the catalogue, so every refusal has its stable type and is counted.</summary>
public static class ProblemResults
{
    /// <summary>A problem response of <paramref name="type"/> with a per-occurrence <paramref name="detail"/>.</summary>
    public static ProblemHttpResult For(ProblemType type, string detail)
    {
        InferenceMetrics.CountRejection(type.Slug);
        return TypedResults.Problem(detail: detail, statusCode: type.Status, title: type.Title, type: type.Uri);
    }

    /// <summary>The problem response for a rejected request.</summary>
    public static ProblemHttpResult For(RequestRejectedException rejection) => For(rejection.Type, rejection.Message);
}
