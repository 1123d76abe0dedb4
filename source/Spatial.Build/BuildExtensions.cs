namespace Spatial.Build;

/// <summary>Access to a build through one of its component interfaces.</summary>
public static class BuildExtensions
{
    /// <summary>Casts the build to a component interface: <c>this.From&lt;IHazModels&gt;().ModelsDirectory</c>.</summary>
    public static T From<T>(this INukeBuild build) where T : INukeBuild => (T)build;

    /// <summary>Whether <paramref name="target"/> is among <paramref name="targets"/>: <c>SucceededTargets.Contains(Restore)</c>.</summary>
    public static bool Contains(this IEnumerable<ExecutableTarget> targets, Target target)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(target);
        return targets.Any(x => x.FactoryMethod == target.Method.MethodHandle);
    }
}
