namespace Spatial.Build.Execution;

/// <summary>
/// A layered left-to-right layout of the target graph: a target's column is the longest chain of
/// dependencies, orderings and triggers before it; rows within a column follow the rows of what comes before.
/// </summary>
internal sealed class PlanLayout
{
    public const int NodeHeight = 36;
    public const int ColumnGap = 72;
    public const int RowGap = 18;
    public const int Margin = 16;

    // Monospace-free width estimate: enough for the badge plus the name at 13 px.
    private const int CharacterWidth = 8;
    private const int BadgeWidth = 34;

    private readonly Dictionary<ExecutableTarget, (int Column, int Row)> _cells = [];

    private PlanLayout(IReadOnlyList<ExecutableTarget> ordered)
    {
        NodeWidth = BadgeWidth + (CharacterWidth * ordered.Select(x => x.Name.Length).DefaultIfEmpty(8).Max()) + 16;
        var columns = new Dictionary<ExecutableTarget, int>();
        foreach (var target in ordered)
            columns[target] = Predecessors(target).Select(x => columns[x] + 1).DefaultIfEmpty(0).Max();

        var rows = new Dictionary<ExecutableTarget, int>();
        foreach (var column in ordered.GroupBy(x => columns[x]).OrderBy(x => x.Key))
        {
            // Barycentre of the predecessors' rows keeps edges short and mostly uncrossed; ties keep plan order.
            var placed = column
                .Select((target, order) => (Target: target, Weight: Predecessors(target).Select(x => (double)rows[x]).DefaultIfEmpty(order).Average(), Order: order))
                .OrderBy(x => x.Weight).ThenBy(x => x.Order)
                .Select(x => x.Target)
                .ToList();
            for (var row = 0; row < placed.Count; row++)
            {
                rows[placed[row]] = row;
                _cells[placed[row]] = (column.Key, row);
            }
        }

        Width = (2 * Margin) + (_cells.Count == 0 ? 0 : ((_cells.Values.Max(x => x.Column) + 1) * (NodeWidth + ColumnGap)) - ColumnGap);
        Height = (2 * Margin) + (_cells.Count == 0 ? 0 : ((_cells.Values.Max(x => x.Row) + 1) * (NodeHeight + RowGap)) - RowGap);
    }

    public int NodeWidth { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Lays out every target; <paramref name="all"/> must be acyclic (the planner has checked it).</summary>
    public static PlanLayout Create(IReadOnlyList<ExecutableTarget> all) => new(ExecutionPlanner.Order(all));

    /// <summary>The top-left corner of the target's box.</summary>
    public (int X, int Y) Position(ExecutableTarget target)
    {
        var (column, row) = _cells[target];
        return (Margin + (column * (NodeWidth + ColumnGap)), Margin + (row * (NodeHeight + RowGap)));
    }

    private static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target) =>
        target.ExecutionDependencies.Concat(target.OrderDependencies).Concat(target.TriggerDependencies).Distinct();
}
