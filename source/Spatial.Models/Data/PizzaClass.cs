namespace Spatial.Models.Data;

/// <summary>The reference model's classes. Telling burnt from unevenly baked, and sliced from baked, needs to know where things are.</summary>
public enum PizzaClass
{
    /// <summary>Pale dough and unmelted cheese.</summary>
    Raw,

    /// <summary>Golden crust and cheese, evenly.</summary>
    Baked,

    /// <summary>Clusters of burn patches spread around the whole pizza.</summary>
    Burnt,

    /// <summary>Burnt on one side only: the same burns as <see cref="Burnt"/>, all on one side.</summary>
    UnevenlyBaked,

    /// <summary>Baked and cut into slices.</summary>
    Sliced,
}

/// <summary>Labels of <see cref="PizzaClass"/> as they appear in manifests and API responses.</summary>
public static class PizzaClasses
{
    /// <summary>All labels in logit order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["raw", "baked", "burnt", "unevenly-baked", "sliced"];

    /// <summary>The label of <paramref name="value"/>.</summary>
    public static string Label(this PizzaClass value) => Labels[(int)value];

    /// <summary>Number of classes.</summary>
    public static int Count => Labels.Count;
}
