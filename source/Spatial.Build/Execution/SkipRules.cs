namespace Spatial.Build.Execution;

/// <summary>Marks planned targets as skipped before the run: <c>--skip</c>, <c>--continue</c>, static conditions and their unneeded dependencies.</summary>
internal static class SkipRules
{
    public static void Apply(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all, Parameters.CommandLineArguments commandLine, IReadOnlySet<string> alreadySucceeded)
    {
        // Targets skipped by name or by a static condition take the dependencies only they needed with them (NUKE's default).
        var skippedWithDependencies = new HashSet<ExecutableTarget>();
        if (commandLine.Values("skip") is { } skipped)
        {
            var named = skipped.SelectMany(Parameters.CommandLineArguments.SplitTargets).Select(x => BuildSession.FindTarget(x, all)).ToHashSet();
            foreach (var target in plan.Where(x => !x.Invoked && (named.Count == 0 || named.Contains(x))))
            {
                Skip(target, "--skip");
                skippedWithDependencies.Add(target);
            }
        }

        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled && alreadySucceeded.Contains(x.Name)))
            Skip(target, "succeeded in the previous attempt (--continue)");

        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled))
        {
            var failed = target.Definition.StaticConditions.FirstOrDefault(condition => !Evaluate(target, condition));
            if (failed is null)
                continue;
            Skip(target, target.Definition.StaticConditionReasons.TryGetValue(failed, out var reason) ? reason() : $"condition false: {ExpressionText.Of(failed)}");
            skippedWithDependencies.Add(target);
        }

        // Dependents come later in the plan, so walking backwards decides every dependent before its dependencies.
        foreach (var dependency in plan.Reverse())
        {
            if (dependency.Invoked || dependency.Status != ExecutionStatus.Scheduled)
                continue;
            var needers = plan.Where(x => x.ExecutionDependencies.Contains(dependency) || dependency.TriggerDependencies.Contains(x)).ToList();
            if (needers.Count == 0 || !needers.All(x => skippedWithDependencies.Contains(x) && x.DependencyBehavior == DependencyBehavior.Skip))
                continue;
            Skip(dependency, $"only needed by skipped {string.Join(", ", needers.Select(x => x.Name))}");
            skippedWithDependencies.Add(dependency);
        }
    }

    private static bool Evaluate(ExecutableTarget target, System.Linq.Expressions.Expression<Func<bool>> condition)
    {
        try
        {
            return condition.Compile()();
        }
        catch (Exception exception)
        {
            throw new BuildFailedException($"Target {target.Name}: evaluating OnlyWhenStatic({ExpressionText.Of(condition)}) failed: {exception.Message}", exception);
        }
    }

    private static void Skip(ExecutableTarget target, string reason)
    {
        target.Status = ExecutionStatus.Skipped;
        target.SkipReason = reason;
    }
}
