using System.Reflection;

namespace Spatial.Build.Execution;

/// <summary>Evaluates every target definition of a build and links the targets they reference.</summary>
internal static class TargetGraph
{
    public static IReadOnlyList<ExecutableTarget> Create(object build, IReadOnlyList<TargetDiscovery.DiscoveredTarget> discovered)
    {
        var targets = new List<ExecutableTarget>();
        var byMethod = new Dictionary<RuntimeMethodHandle, ExecutableTarget>();
        foreach (var item in discovered)
        {
            var factory = ReadTarget(item, build);
            var definition = new TargetDefinition(build, item.Name);
            try
            {
                factory(definition);
            }
            catch (BuildFailedException)
            {
                throw;
            }
            catch (Exception exception)
            {
                throw new BuildFailedException($"The definition of target {item.Name} failed: {exception.Message}", exception);
            }

            var target = new ExecutableTarget(item.Name, targets.Count, definition, item.Components) { FactoryMethod = factory.Method.MethodHandle };
            targets.Add(target);
            byMethod.TryAdd(factory.Method.MethodHandle, target);
        }

        foreach (var target in targets)
            Link(target, byMethod);
        return targets;
    }

    private static Target ReadTarget(TargetDiscovery.DiscoveredTarget item, object build)
    {
        try
        {
            return item.Property.GetValue(build) as Target
                ?? throw new BuildFailedException($"Target {item.Name} returned null instead of a definition.");
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw new BuildFailedException($"Reading target {item.Name} failed: {exception.InnerException.Message}", exception.InnerException);
        }
    }

    private static void Link(ExecutableTarget target, Dictionary<RuntimeMethodHandle, ExecutableTarget> byMethod)
    {
        var definition = target.Definition;
        IEnumerable<ExecutableTarget> Resolve(IEnumerable<Target> references, string relation) =>
            references.Select(reference => Find(reference, target, relation, byMethod));

        foreach (var dependency in Resolve(definition.DependsOnTargets, "DependsOn"))
            AddOnce(target._executionDependencies, dependency, target);
        foreach (var dependent in Resolve(definition.DependentForTargets, "DependentFor"))
            AddOnce(dependent._executionDependencies, target, dependent);
        foreach (var earlier in Resolve(definition.AfterTargets, "After"))
            AddOnce(target._orderDependencies, earlier, target);
        foreach (var later in Resolve(definition.BeforeTargets, "Before"))
            AddOnce(later._orderDependencies, target, later);
        foreach (var triggered in Resolve(definition.TriggersTargets, "Triggers"))
        {
            AddOnce(target._triggers, triggered, target);
            AddOnce(triggered._triggerDependencies, target, triggered);
        }

        foreach (var trigger in Resolve(definition.TriggeredByTargets, "TriggeredBy"))
        {
            AddOnce(trigger._triggers, target, trigger);
            AddOnce(target._triggerDependencies, trigger, target);
        }

        foreach (var (consumed, artifacts) in definition.ConsumedArtifacts)
            target._consumes.Add(new ArtifactConsumption(Find(consumed, target, "Consumes", byMethod), artifacts));
    }

    private static ExecutableTarget Find(Target reference, ExecutableTarget owner, string relation, Dictionary<RuntimeMethodHandle, ExecutableTarget> byMethod) =>
        byMethod.TryGetValue(reference.Method.MethodHandle, out var found)
            ? found
            : throw new BuildFailedException($"Target {owner.Name}: {relation} refers to a delegate that is not a target of this build.");

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget item, ExecutableTarget owner)
    {
        if (item == owner)
            throw new BuildFailedException($"Target {owner.Name} refers to itself.");
        if (!list.Contains(item))
            list.Add(item);
    }
}
