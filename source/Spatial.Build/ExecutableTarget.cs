namespace Spatial.Build;

/// <summary>A target resolved from its definition: its relations, artifacts and run state.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, int index, TargetDefinition definition, IReadOnlyList<Type> components)
    {
        Name = name;
        Index = index;
        Definition = definition;
        Components = components;
    }

    /// <summary>The target's name (its member name).</summary>
    public string Name { get; }

    public string? Description => Definition.DescriptionText;

    public ExecutionStatus Status { get; internal set; } = ExecutionStatus.Scheduled;

    public TimeSpan Duration { get; internal set; }

    /// <summary>Why the target was skipped or not run, when it was.</summary>
    public string? SkipReason { get; internal set; }

    /// <summary>Targets that must run before this one (DependsOn, and inverse DependentFor).</summary>
    public IReadOnlyList<ExecutableTarget> ExecutionDependencies => _executionDependencies;

    /// <summary>Targets this one runs after when both are planned (After, and inverse Before).</summary>
    public IReadOnlyList<ExecutableTarget> OrderDependencies => _orderDependencies;

    /// <summary>Targets whose planning triggers this one (TriggeredBy, and inverse Triggers).</summary>
    public IReadOnlyList<ExecutableTarget> TriggerDependencies => _triggerDependencies;

    /// <summary>Targets this one triggers.</summary>
    public IReadOnlyList<ExecutableTarget> Triggers => _triggers;

    /// <summary>Artifact paths or globs, relative to the root directory.</summary>
    public IReadOnlyList<string> Produces => Definition.ProducedArtifacts;

    /// <summary>Artifacts taken from other targets.</summary>
    public IReadOnlyList<ArtifactConsumption> Consumes => _consumes;

    /// <summary>False for <c>Unlisted()</c> targets.</summary>
    public bool Listed => !Definition.IsUnlisted;

    /// <summary>Whether the target is one of the build's default targets.</summary>
    public bool IsDefault { get; internal set; }

    /// <summary>Whether the target was invoked (named, or default when none was named).</summary>
    public bool Invoked { get; internal set; }

    public bool ProceedAfterFailure => Definition.IsProceedAfterFailure;

    public bool AssuredAfterFailure => Definition.IsAssuredAfterFailure;

    public DependencyBehavior DependencyBehavior => Definition.SkipBehavior;

    /// <summary>The component interfaces that declare the target (empty for a class-only target).</summary>
    public IReadOnlyList<Type> Components { get; }

    /// <summary>Figures reported with <see cref="INukeBuild.ReportSummary"/> (secrets masked).</summary>
    public IReadOnlyDictionary<string, string> Summary => _summary;

    internal int Index { get; }

    internal TargetDefinition Definition { get; }

    /// <summary>The method behind the target's delegate: how references to the target are recognised.</summary>
    internal RuntimeMethodHandle FactoryMethod { get; init; }

    internal readonly List<ExecutableTarget> _executionDependencies = [];
    internal readonly List<ExecutableTarget> _orderDependencies = [];
    internal readonly List<ExecutableTarget> _triggerDependencies = [];
    internal readonly List<ExecutableTarget> _triggers = [];
    internal readonly List<ArtifactConsumption> _consumes = [];
    internal readonly Dictionary<string, string> _summary = [];

    public override string ToString() => Name;
}

/// <summary>Artifacts one target takes from another (for CI generation: download before the job runs).</summary>
/// <param name="Producer">The target that produces them.</param>
/// <param name="Artifacts">The artifacts; empty means everything the producer produces.</param>
public sealed record ArtifactConsumption(ExecutableTarget Producer, IReadOnlyList<string> Artifacts);
