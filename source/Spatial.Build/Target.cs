namespace Spatial.Build;

/// <summary>A build target: a property of this delegate type configures the target's definition.</summary>
public delegate ITargetDefinition Target(ITargetDefinition _);

/// <summary>Configures tool settings fluently: <c>s => s.SetConfiguration("Release")</c>.</summary>
public delegate T Configure<T>(T settings);

/// <summary>What happens to a skipped target's dependencies that nothing else needs.</summary>
public enum DependencyBehavior
{
    /// <summary>Run them anyway.</summary>
    Execute,

    /// <summary>Skip them too (the default).</summary>
    Skip,
}

/// <summary>The state of a target in the execution plan.</summary>
public enum ExecutionStatus
{
    Scheduled,
    Running,
    Succeeded,
    Failed,
    Skipped,
    NotRun,

    /// <summary>The target has no actions of its own; it only groups its dependencies.</summary>
    Collective,
}

/// <summary>How much the build prints.</summary>
public enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
