using System.Reflection;

namespace Spatial.Build.Parameters;

/// <summary>A <c>[Parameter]</c> member of the build class or one of its component interfaces.</summary>
internal sealed class ParameterDescriptor
{
    private ParameterDescriptor(MemberInfo member, ParameterAttribute attribute, Type type, bool isSecret)
    {
        Member = member;
        Attribute = attribute;
        Type = type;
        IsSecret = isSecret;
        Name = attribute.Name ?? member.Name;
        DashedName = ParameterNames.ToDashed(Name);
        Key = ParameterNames.Normalize(Name);
    }

    /// <summary>The name in parameters files and environment variables (PascalCase member name).</summary>
    public string Name { get; }

    /// <summary>The command-line spelling without the leading dashes.</summary>
    public string DashedName { get; }

    public string Key { get; }

    public MemberInfo Member { get; }

    public ParameterAttribute Attribute { get; }

    public Type Type { get; }

    public bool IsSecret { get; }

    public string? Description => Attribute.Description;

    /// <summary>Where the value is written on injection; null for interface members read through TryGetValue.</summary>
    public Action<object, object?>? Setter { get; private init; }

    public Func<object, object?>? Getter { get; private init; }

    /// <summary>Finds every parameter of the build class (fields, properties) and its interfaces; class members win on name clashes.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        var result = new List<ParameterDescriptor>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var type = buildType; type is not null && type != typeof(NukeBuild) && type != typeof(object); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(flags | BindingFlags.DeclaredOnly))
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                    continue;
                var descriptor = member switch
                {
                    FieldInfo field => new ParameterDescriptor(field, attribute, field.FieldType, IsSecretMember(field))
                    {
                        // Readonly instance fields are injected too, as in NUKE ([Parameter] readonly string X;).
                        Setter = field.SetValue,
                        Getter = field.GetValue,
                    },
                    PropertyInfo property => new ParameterDescriptor(property, attribute, property.PropertyType, IsSecretMember(property))
                    {
                        Setter = PropertySetter(property),
                        Getter = property.GetMethod is null ? null : property.GetValue,
                    },
                    _ => null,
                };
                if (descriptor is not null && keys.Add(descriptor.Key))
                    result.Add(descriptor);
            }
        }

        foreach (var @interface in buildType.GetInterfaces())
        {
            var map = buildType.GetInterfaceMap(@interface);
            foreach (var property in @interface.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                    continue;
                var implementation = Implementation(map, property, buildType);
                var descriptor = new ParameterDescriptor(property, attribute, property.PropertyType, IsSecretMember(property))
                {
                    Setter = implementation is null ? null : PropertySetter(implementation),
                    Getter = property.GetMethod is null ? null : property.GetValue,
                };
                if (keys.Add(descriptor.Key))
                    result.Add(descriptor);
            }
        }

        return result;
    }

    /// <summary>A member with an injected value, looked up as a text parameter of its own name.</summary>
    public static ParameterDescriptor ForInjectedMember(MemberInfo member) => new(member, new ParameterAttribute(), typeof(string), isSecret: false);

    private static bool IsSecretMember(MemberInfo member) => member.GetCustomAttribute<SecretAttribute>() is not null;

    // A class property implementing an interface parameter receives the value when it can be written.
    private static PropertyInfo? Implementation(InterfaceMapping map, PropertyInfo interfaceProperty, Type buildType)
    {
        var index = Array.IndexOf(map.InterfaceMethods, interfaceProperty.GetMethod);
        if (index < 0 || map.TargetMethods[index] is not { } target || target.DeclaringType is null || target.DeclaringType.IsInterface)
            return null;
        return target.DeclaringType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .FirstOrDefault(x => x.GetMethod == target);
    }

    private static Action<object, object?>? PropertySetter(PropertyInfo property)
    {
        if (property.SetMethod is not null)
            return property.SetValue;
        var backingField = property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
        return backingField is null ? null : backingField.SetValue;
    }
}
