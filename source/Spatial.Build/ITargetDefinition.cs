using System.Linq.Expressions;

namespace Spatial.Build;

/// <summary>Fluent definition of a target, as in NUKE.</summary>
public interface ITargetDefinition
{
    /// <summary>Text shown in <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Targets that must run (and succeed) before this one.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Component targets that must run before this one; none given means the component's one target.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>Makes the given targets depend on this one.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both run, this one runs after the given targets.</summary>
    ITargetDefinition After(params Target[] targets);

    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both run, this one runs before the given targets.</summary>
    ITargetDefinition Before(params Target[] targets);

    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>The given targets run after this one whenever this one is planned.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>This target runs after any of the given targets whenever they are planned.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Conditions evaluated before the run; a false one skips the target.</summary>
    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);

    /// <summary>A condition evaluated before the run; when false the target is skipped and the summary gives <paramref name="reasonWhenFalse"/>.</summary>
    ITargetDefinition OnlyWhenStatic(Expression<Func<bool>> condition, Func<string> reasonWhenFalse);

    /// <summary>Conditions evaluated just before the target runs; a false one skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>What happens to dependencies when this target is skipped by a static condition.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior);

    /// <summary>Parameters that must have a value; checked before any target runs.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameterRequirement) where T : class;

    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameterRequirement) where T : struct;

    /// <summary>Conditions that must hold; checked before any target runs.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] requirement);

    /// <summary>Adds an action; several run in order.</summary>
    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    /// <summary>A failure of this target does not stop targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after an earlier failure (teardown).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Artifacts (paths or globs relative to the root) this target produces.</summary>
    ITargetDefinition Produces(params string[] artifacts);

    /// <summary>Consumes every artifact the given targets produce.</summary>
    ITargetDefinition Consumes(params Target[] targets);

    /// <summary>Consumes the named artifacts of the given target.</summary>
    ITargetDefinition Consumes(Target target, params string[] artifacts);

    /// <summary>Applies the base (interface) definition of a component target that this definition overrides; none given means the component's one target.</summary>
    ITargetDefinition Inherit<T>(params Expression<Func<T, Target>>[] targets);
}
