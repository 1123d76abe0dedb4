namespace Spatial.Service.Problems;

/// <summary>One kind of refusal: a stable RFC 9457 <c>type</c>, its HTTP status and a short title.</summary>
/// <param name="Slug">The stable name; the problem's <c>type</c> is <c>urn:spatial:problem:{Slug}</c>.</param>
/// <param name="Status">HTTP status code.</param>
/// <param name="Title">Short, human-readable summary that does not change between occurrences.</param>
public sealed record ProblemType(string Slug, int Status, string Title)
{
    /// <summary>Prefix of every problem type URI this service emits.</summary>
    public const string UriPrefix = "urn:spatial:problem:";

    /// <summary>The RFC 9457 <c>type</c> member.</summary>
    public string Uri => UriPrefix + Slug;
}
