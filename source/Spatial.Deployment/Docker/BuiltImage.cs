namespace Spatial.Deployment.Docker;

/// <summary>An image the engine has just built.</summary>
/// <param name="Id">Image id (<c>sha256:…</c>).</param>
/// <param name="Tags">The tags it was given.</param>
/// <param name="SizeBytes">Size of the image with all its layers.</param>
/// <param name="Duration">Wall time from sending the context to the last build message.</param>
public sealed record BuiltImage(string Id, IReadOnlyList<string> Tags, long SizeBytes, TimeSpan Duration);
