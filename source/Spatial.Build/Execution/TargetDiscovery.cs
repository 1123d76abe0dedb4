using System.Reflection;

namespace Spatial.Build.Execution;

/// <summary>Finds the <see cref="Target"/> properties of a build class and of every interface it implements.</summary>
internal static class TargetDiscovery
{
    /// <summary>A discovered target: its name, the property read to get its delegate, and the interfaces declaring it.</summary>
    public sealed record DiscoveredTarget(string Name, PropertyInfo Property, List<Type> Components);

    private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<DiscoveredTarget> Discover(Type buildType)
    {
        var result = new List<DiscoveredTarget>();
        // Keyed by the getter that finally runs, so an implicit class implementation and its interface member are one target.
        var byImplementation = new Dictionary<RuntimeMethodHandle, DiscoveredTarget>();

        var classChain = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(NukeBuild) && type != typeof(object); type = type.BaseType)
            classChain.Insert(0, type);
        foreach (var type in classChain)
        {
            foreach (var property in type.GetProperties(InstanceMembers))
            {
                // Explicit implementations ("IDeploy.Deploy") are reached through their interface member below.
                if (property.PropertyType != typeof(Target) || property.Name.Contains('.', StringComparison.Ordinal) || property.GetMethod is null)
                    continue;
                var baseDefinition = property.GetMethod.GetBaseDefinition();
                if (byImplementation.TryGetValue(baseDefinition.MethodHandle, out var existing))
                {
                    // An override of a base class target keeps the base's position.
                    byImplementation[property.GetMethod.MethodHandle] = existing;
                    continue;
                }

                var target = new DiscoveredTarget(property.Name, property, []);
                result.Add(target);
                byImplementation[property.GetMethod.MethodHandle] = target;
            }
        }

        foreach (var @interface in buildType.GetInterfaces())
        {
            var map = buildType.GetInterfaceMap(@interface);
            foreach (var property in @interface.GetProperties(InstanceMembers))
            {
                if (property.PropertyType != typeof(Target) || property.Name.Contains('.', StringComparison.Ordinal) || property.GetMethod is null)
                    continue;
                var index = Array.IndexOf(map.InterfaceMethods, property.GetMethod);
                var implementation = index >= 0 ? map.TargetMethods[index] : property.GetMethod;
                if (byImplementation.TryGetValue(implementation.MethodHandle, out var existing))
                {
                    existing.Components.Add(@interface);
                    continue;
                }

                var target = new DiscoveredTarget(property.Name, property, [@interface]);
                result.Add(target);
                byImplementation[implementation.MethodHandle] = target;
            }
        }

        var duplicate = result.GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(x => x.Count() > 1);
        if (duplicate is not null)
        {
            var owners = duplicate.Select(x => $"{x.Property.DeclaringType?.Name}.{x.Property.Name}");
            throw new BuildFailedException($"Target name '{duplicate.Key}' is declared more than once ({string.Join(", ", owners)}); target names must be unique.");
        }

        return result;
    }
}
