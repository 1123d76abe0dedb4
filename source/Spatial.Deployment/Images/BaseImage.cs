namespace Spatial.Deployment.Images;

/// <summary>The offline base image, ready in the engine.</summary>
/// <param name="Tag">Full tag, e.g. <c>spatial/base:3f9a1c0b2d4e</c>.</param>
/// <param name="Id">Image id.</param>
/// <param name="RecipeHash">SHA-256 of the recipe it was assembled from (label <c>org.spatial.base.recipe-sha256</c>).</param>
/// <param name="SizeBytes">Image size.</param>
/// <param name="Cached">True when an image for this recipe already existed and nothing was built.</param>
/// <param name="Duration">Time spent, including the cache look-up.</param>
public sealed record BaseImage(string Tag, string Id, string RecipeHash, long SizeBytes, bool Cached, TimeSpan Duration);
