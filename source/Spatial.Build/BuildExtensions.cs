namespace Spatial.Build;

/// <summary>Access to a build through one of its component interfaces.</summary>
public static class BuildExtensions
{
    /// <summary>Casts the build to a component interface: <c>this.From&lt;IHazModels&gt;().ModelsDirectory</c>.</summary>
    public static T From<T>(this INukeBuild build) where T : INukeBuild => (T)build;
}
