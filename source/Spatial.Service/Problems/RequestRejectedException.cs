namespace Spatial.Service.Problems;

/// <summary>A request refused for a known reason; the API turns it into a problem response of <see cref="Type"/>.</summary>
public sealed class RequestRejectedException(ProblemType type, string detail) : Exception(detail)
{
    /// <summary>Which problem the request has.</summary>
    public ProblemType Type { get; } = type;
}
