namespace Spatial.Build;

/// <summary>Marks a field or property as a build parameter, settable from the command line, environment or parameters files.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public class ParameterAttribute : Attribute
{
    public ParameterAttribute(string? description = null)
    {
        Description = description;
    }

    /// <summary>Text shown in <c>--help</c>.</summary>
    public string? Description { get; }

    /// <summary>Overrides the member name the parameter is known by.</summary>
    public string? Name { get; set; }

    /// <summary>Splits single-string values (environment variables, JSON strings) into array elements; whitespace when null.</summary>
    public string? Separator { get; set; }

    /// <summary>Whether <c>--help</c> lists the parameter.</summary>
    public bool List { get; set; } = true;
}

/// <summary>Marks a parameter whose value is never printed: it is replaced by <c>*****</c> in every output line.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute
{
}
