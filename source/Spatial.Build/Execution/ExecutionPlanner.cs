namespace Spatial.Build.Execution;

/// <summary>Orders targets topologically (ties by declaration order) and selects the plan for the invoked targets.</summary>
internal static class ExecutionPlanner
{
    /// <summary>Everything that must run: the invoked targets, their dependencies and what they trigger, in execution order.</summary>
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> all, IReadOnlyCollection<ExecutableTarget> invoked)
    {
        var selected = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked);
        while (pending.TryPop(out var target))
        {
            if (!selected.Add(target))
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.Triggers))
                pending.Push(next);
        }

        return Order(all).Where(selected.Contains).ToList();
    }

    /// <summary>A stable topological order over dependencies, ordering and triggers; a cycle fails with its path.</summary>
    public static IReadOnlyList<ExecutableTarget> Order(IReadOnlyList<ExecutableTarget> all)
    {
        var before = all.ToDictionary(x => x, Predecessors);
        var remaining = all.ToDictionary(x => x, x => before[x].Count);
        var successors = all.ToDictionary(x => x, _ => new List<ExecutableTarget>());
        foreach (var target in all)
            foreach (var predecessor in before[target])
                successors[predecessor].Add(target);

        var ready = new SortedSet<ExecutableTarget>(all.Where(x => remaining[x] == 0), Comparer<ExecutableTarget>.Create((a, b) => a.Index.CompareTo(b.Index)));
        var order = new List<ExecutableTarget>(all.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var successor in successors[next])
            {
                if (--remaining[successor] == 0)
                    ready.Add(successor);
            }
        }

        if (order.Count < all.Count)
            throw new BuildFailedException($"Circular dependency between targets: {DescribeCycle(all.Where(x => remaining[x] > 0).ToList(), before)}.");
        return order;
    }

    private static HashSet<ExecutableTarget> Predecessors(ExecutableTarget target) =>
        [.. target.ExecutionDependencies, .. target.OrderDependencies, .. target.TriggerDependencies];

    // Walks "needs" edges among the stuck targets until one repeats: "A -> B -> C -> A".
    private static string DescribeCycle(List<ExecutableTarget> stuck, Dictionary<ExecutableTarget, HashSet<ExecutableTarget>> before)
    {
        var path = new List<ExecutableTarget>();
        var current = stuck.MinBy(x => x.Index)!;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = before[current].Where(stuck.Contains).MinBy(x => x.Index)!;
        }

        var cycle = path.Skip(path.IndexOf(current)).Append(current);
        return string.Join(" -> ", cycle.Select(x => x.Name));
    }
}
