namespace Spatial.Build;

/// <summary>Base for enumeration classes: a closed set of named static instances usable as parameter types.</summary>
public abstract class Enumeration : IEquatable<Enumeration>
{
    /// <summary>The text the instance is known by.</summary>
    public string Value { get; init; } = string.Empty;

    public override string ToString() => Value;

    public bool Equals(Enumeration? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is Enumeration other && Equals(other);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    public static bool operator ==(Enumeration? left, Enumeration? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Enumeration? left, Enumeration? right) => !(left == right);

    public static implicit operator string(Enumeration? enumeration) => enumeration?.Value ?? string.Empty;
}

/// <summary>The build configuration passed to <c>dotnet</c>.</summary>
public class Configuration : Enumeration
{
    public static readonly Configuration Debug = new() { Value = nameof(Debug) };
    public static readonly Configuration Release = new() { Value = nameof(Release) };
}
