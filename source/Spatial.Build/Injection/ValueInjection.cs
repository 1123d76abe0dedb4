using System.Collections.Concurrent;
using System.Reflection;
using Spatial.Build.Parameters;

namespace Spatial.Build.Injection;

/// <summary>The members of a build carrying a <see cref="ValueInjectionAttribute"/>: class members are set before targets are created, interface members answer <c>TryGetValue</c>.</summary>
internal sealed class ValueInjection
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly List<(MemberInfo Member, ValueInjectionAttribute Attribute)> _members = [];
    private readonly ParameterSources _sources;
    private readonly InjectionContext _context;
    private readonly ConcurrentDictionary<string, object?> _values = new(StringComparer.Ordinal);

    public ValueInjection(Type buildType, ParameterSources sources, InjectionContext context)
    {
        _sources = sources;
        _context = context;
        for (var type = buildType; type is not null && type != typeof(NukeBuild) && type != typeof(object); type = type.BaseType)
            Collect(type.GetMembers(Members).Where(x => x is FieldInfo or PropertyInfo));
        foreach (var @interface in buildType.GetInterfaces())
            Collect(@interface.GetProperties(Members));
    }

    /// <summary>The member names, which are also accepted as parameter names (<c>"Solution": "x.sln"</c> in parameters.json).</summary>
    public IReadOnlyCollection<string> MemberNames => _members.Select(x => x.Member.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Writes the values of the build class's own members.</summary>
    public void Inject(object build)
    {
        foreach (var (member, _) in _members.Where(x => !x.Member.DeclaringType!.IsInterface))
        {
            var value = ValueOf(member);
            switch (member)
            {
                case FieldInfo field:
                    field.SetValue(build, value);
                    break;
                case PropertyInfo property when property.SetMethod is not null:
                    property.SetValue(build, value);
                    break;
                case PropertyInfo property:
                    property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)?.SetValue(build, value);
                    break;
            }
        }
    }

    public bool TryGetValue(MemberInfo member, out object? value)
    {
        var known = _members.Any(x => x.Member == member);
        value = known ? ValueOf(member) : null;
        return known;
    }

    private void Collect(IEnumerable<MemberInfo> members)
    {
        foreach (var member in members)
        {
            if (member.GetCustomAttribute<ValueInjectionAttribute>() is { } attribute)
                _members.Add((member, attribute));
        }
    }

    // Computed once per member name: a solution is parsed and a repository read once per run.
    private object? ValueOf(MemberInfo member) => _values.GetOrAdd($"{member.DeclaringType?.FullName}.{member.Name}", _ =>
    {
        var attribute = _members.First(x => x.Member == member).Attribute;
        var raw = _sources.Find(ParameterDescriptor.ForInjectedMember(member));
        var context = _context with { ParameterValue = raw is null ? null : string.Join(' ', raw.Values), ParameterBaseDirectory = raw?.BaseDirectory };
        return attribute.GetValue(member, context);
    });
}
