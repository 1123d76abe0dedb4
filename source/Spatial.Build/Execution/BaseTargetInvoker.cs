using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace Spatial.Build.Execution;

/// <summary>Calls a component interface's own (default) target getter, bypassing the build's explicit override.</summary>
internal static class BaseTargetInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<object, Target>> Invokers = new();

    public static Target GetBaseTarget(PropertyInfo interfaceProperty, object build)
    {
        var getter = interfaceProperty.GetMethod
            ?? throw new BuildFailedException($"{interfaceProperty.DeclaringType?.Name}.{interfaceProperty.Name} has no getter.");
        if (getter.IsAbstract)
            throw new BuildFailedException($"{interfaceProperty.DeclaringType?.Name}.{interfaceProperty.Name} has no default definition to inherit.");
        return Invokers.GetOrAdd(getter, CreateInvoker)(build);
    }

    // A non-virtual 'call' reaches the interface's default body even when the class overrides it.
    private static Func<object, Target> CreateInvoker(MethodInfo getter)
    {
        var method = new DynamicMethod($"base_{getter.Name}", typeof(Target), [typeof(object)], typeof(BaseTargetInvoker).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, getter.DeclaringType!);
        il.Emit(OpCodes.Call, getter);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object, Target>>();
    }
}
