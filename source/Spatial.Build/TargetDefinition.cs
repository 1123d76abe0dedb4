using System.Linq.Expressions;
using System.Reflection;
using Spatial.Build.Execution;

namespace Spatial.Build;

/// <summary>Records what a target's fluent definition declares; resolved into an <see cref="ExecutableTarget"/> later.</summary>
internal sealed class TargetDefinition(object build, string name) : ITargetDefinition
{
    internal sealed record Requirement(LambdaExpression Expression, bool IsParameter);

    internal string? DescriptionText { get; private set; }
    internal List<Target> DependsOnTargets { get; } = [];
    internal List<Target> DependentForTargets { get; } = [];
    internal List<Target> AfterTargets { get; } = [];
    internal List<Target> BeforeTargets { get; } = [];
    internal List<Target> TriggersTargets { get; } = [];
    internal List<Target> TriggeredByTargets { get; } = [];
    internal List<Expression<Func<bool>>> StaticConditions { get; } = [];

    /// <summary>The reason a static condition gives when it is false, for those declared with one.</summary>
    internal Dictionary<Expression<Func<bool>>, Func<string>> StaticConditionReasons { get; } = [];
    internal List<Expression<Func<bool>>> DynamicConditions { get; } = [];
    internal DependencyBehavior SkipBehavior { get; private set; } = DependencyBehavior.Skip;
    internal List<Requirement> Requirements { get; } = [];
    internal List<Func<Task>> Actions { get; } = [];
    internal bool IsProceedAfterFailure { get; private set; }
    internal bool IsAssuredAfterFailure { get; private set; }
    internal bool IsUnlisted { get; private set; }
    internal List<string> ProducedArtifacts { get; } = [];
    internal List<(Target Target, string[] Artifacts)> ConsumedArtifacts { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, Resolve(targets, nameof(DependsOn)));

    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(DependentForTargets, Resolve(targets, nameof(DependentFor)));
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(AfterTargets, Resolve(targets, nameof(After)));
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, Resolve(targets, nameof(Before)));
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, Resolve(targets, nameof(Triggers)));
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, Resolve(targets, nameof(TriggeredBy)));

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions)
    {
        StaticConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition OnlyWhenStatic(Expression<Func<bool>> condition, Func<string> reasonWhenFalse)
    {
        StaticConditions.Add(condition);
        StaticConditionReasons[condition] = reasonWhenFalse;
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions)
    {
        DynamicConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior)
    {
        SkipBehavior = dependencyBehavior;
        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameterRequirement) where T : class
    {
        Requirements.AddRange(parameterRequirement.Select(x => new Requirement(x, IsParameter: true)));
        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameterRequirement) where T : struct
    {
        Requirements.AddRange(parameterRequirement.Select(x => new Requirement(x, IsParameter: true)));
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] requirement)
    {
        Requirements.AddRange(requirement.Select(x => new Requirement(x, IsParameter: false)));
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(() =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Produces(params string[] artifacts)
    {
        ProducedArtifacts.AddRange(artifacts);
        return this;
    }

    public ITargetDefinition Consumes(params Target[] targets)
    {
        ConsumedArtifacts.AddRange(targets.Select(x => (x, Array.Empty<string>())));
        return this;
    }

    public ITargetDefinition Consumes(Target target, params string[] artifacts)
    {
        ConsumedArtifacts.Add((target, artifacts));
        return this;
    }

    public ITargetDefinition Inherit<T>(params Expression<Func<T, Target>>[] targets)
    {
        var properties = targets.Length > 0
            ? targets.Select(expression => expression.Body is MemberExpression { Member: PropertyInfo property } && property.DeclaringType!.IsInterface
                ? property
                : throw new BuildFailedException($"Inherit<{typeof(T).Name}> expects a target property of a component interface, e.g. x => x.Deploy; got {expression}."))
            : [SingleTargetProperty<T>(nameof(Inherit))];
        foreach (var property in properties.ToList())
            BaseTargetInvoker.GetBaseTarget(property, build)(this);
        return this;
    }

    private TargetDefinition Add(List<Target> list, IEnumerable<Target> targets)
    {
        foreach (var target in targets)
        {
            ArgumentNullException.ThrowIfNull(target);
            list.Add(target);
        }

        return this;
    }

    // No selector means the component's one target, as NUKE's shorthand does.
    private IEnumerable<Target> Resolve<T>(Func<T, Target>[] selectors, string relation)
    {
        if (build is not T component)
            throw new BuildFailedException($"The build {build.GetType().Name} does not implement {typeof(T).Name}, so its targets cannot be referenced.");
        return selectors.Length > 0
            ? selectors.Select(selector => selector(component)).ToList()
            : [(Target)SingleTargetProperty<T>(relation).GetValue(build)!];
    }

    private PropertyInfo SingleTargetProperty<T>(string relation)
    {
        var declared = typeof(T).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(x => x.PropertyType == typeof(Target)).ToList();
        if (declared.Count != 1)
        {
            var names = declared.Count == 0 ? "none" : string.Join(", ", declared.Select(x => x.Name));
            throw new BuildFailedException($"Target {name}: {relation}<{typeof(T).Name}>() needs a component with exactly one target; {typeof(T).Name} declares {names}.");
        }

        return declared[0];
    }
}
