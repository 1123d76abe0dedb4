using System.Text.RegularExpressions;
using Spatial.Build.Execution;
using Spatial.Build.Parameters;

namespace Spatial.Build.CI.GitHubActions;

/// <summary>A job resolved against the target graph: what it runs, which jobs it needs, what it downloads and uploads.</summary>
/// <param name="Declaration">The job attribute.</param>
/// <param name="Owned">The targets the job owns (declared on it).</param>
/// <param name="Runs">Everything the job runs, in execution order: its own targets and the unowned dependencies they need.</param>
/// <param name="Needs">Ids of the jobs that must finish first, in job order.</param>
/// <param name="Downloads">Producers in other jobs whose artifacts a target of this job consumes.</param>
/// <param name="Uploads">Artifacts of the owned targets that produce any.</param>
internal sealed record PlannedJob(
    GitHubActionsJobAttribute Declaration,
    IReadOnlyList<ExecutableTarget> Owned,
    IReadOnlyList<ExecutableTarget> Runs,
    IReadOnlyList<string> Needs,
    IReadOnlyList<ExecutableTarget> Downloads,
    IReadOnlyList<ArtifactUpload> Uploads)
{
    public string Id => Declaration.Id;
}

/// <summary>One uploaded artifact: the producing target's <c>Produces</c> patterns under one name.</summary>
internal sealed record ArtifactUpload(string Name, ExecutableTarget Producer, IReadOnlyList<string> Paths);

/// <summary>Groups the target graph into the declared jobs and derives <c>needs:</c> and artifact hand-over from it.</summary>
internal static partial class WorkflowPlan
{
    /// <summary>The jobs in an order where every job comes after the jobs it needs (ties keep declaration order).</summary>
    public static IReadOnlyList<PlannedJob> Create(string workflow, IReadOnlyList<GitHubActionsJobAttribute> declarations, IReadOnlyList<ExecutableTarget> targets, Type buildType)
    {
        if (declarations.Count == 0)
            throw Invalid(workflow, "declares no jobs: add [GitHubActionsJob(\"" + workflow + "\", \"<id>\", nameof(<Target>))] to the build class.");
        foreach (var duplicate in declarations.GroupBy(x => x.Id, StringComparer.Ordinal).Where(x => x.Count() > 1))
            throw Invalid(workflow, $"declares job '{duplicate.Key}' {duplicate.Count()} times.");

        var owned = declarations.ToDictionary(x => x, x => ResolveOwned(workflow, x, targets));
        var owners = owned.SelectMany(x => x.Value.Select(target => (target, job: x.Key)))
            .GroupBy(x => x.target).ToDictionary(x => x.Key, x => x.Select(y => y.job).ToList());
        var order = ExecutionPlanner.Order(targets).ToList();
        var parameters = ParameterDescriptor.Discover(buildType);

        var jobs = declarations.Select(declaration => PlanJob(workflow, declaration, owned[declaration], owners, order, parameters)).ToList();
        var byId = jobs.ToDictionary(x => x.Id, StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            foreach (var need in job.Declaration.Needs.Where(x => !byId.ContainsKey(x)))
                throw Invalid(workflow, $"job '{job.Id}' needs '{need}', which is not a job of this workflow. Jobs: {string.Join(", ", byId.Keys)}.");
            if (job.Declaration.Needs.Contains(job.Id))
                throw Invalid(workflow, $"job '{job.Id}' needs itself.");
        }

        var ordered = OrderJobs(workflow, jobs);
        var position = ordered.Select((job, index) => (job.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        return ordered.Select(job => job with { Needs = job.Needs.OrderBy(x => position[x]).ToList() }).ToList();
    }

    /// <summary>
    /// The folder an artifact uploaded from these patterns must be downloaded into so its files land where they were:
    /// the upload action stores paths relative to the deepest folder the patterns share.
    /// </summary>
    public static string ArtifactRoot(IReadOnlyList<string> patterns)
    {
        var folders = patterns.Select(StaticFolder).ToList();
        var common = folders[0];
        foreach (var folder in folders.Skip(1))
        {
            var length = 0;
            while (length < common.Count && length < folder.Count && common[length] == folder[length])
                length++;
            common = common.Take(length).ToList();
        }

        return common.Count == 0 ? "." : string.Join('/', common);
    }

    /// <summary>The part of a pattern before its first wildcard: the file's folder, or the folder a glob starts in.</summary>
    public static IReadOnlyList<string> StaticFolder(string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(x => x != ".").ToList();
        var wildcard = segments.FindIndex(x => x.IndexOfAny(['*', '?', '[']) >= 0);
        return wildcard >= 0 ? segments.Take(wildcard).ToList() : segments.Take(segments.Count - 1).ToList();
    }

    private static PlannedJob PlanJob(
        string workflow,
        GitHubActionsJobAttribute declaration,
        IReadOnlyList<ExecutableTarget> owned,
        Dictionary<ExecutableTarget, List<GitHubActionsJobAttribute>> owners,
        List<ExecutableTarget> order,
        IReadOnlyList<ParameterDescriptor> parameters)
    {
        var runs = new HashSet<ExecutableTarget>(owned);
        var needs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ExecutableTarget>(owned);
        while (pending.TryPop(out var target))
        {
            foreach (var dependency in target.ExecutionDependencies.Where(x => !runs.Contains(x)))
            {
                if (owners.TryGetValue(dependency, out var dependencyOwners))
                {
                    needs.Add(SingleOwner(workflow, declaration, target, dependency, dependencyOwners, "depends on"));
                }
                else
                {
                    // Unowned dependencies (restore, compile) leave nothing to hand over, so every job that needs them runs them.
                    runs.Add(dependency);
                    pending.Push(dependency);
                }
            }
        }

        var downloads = new List<ExecutableTarget>();
        foreach (var target in order.Where(runs.Contains))
        {
            foreach (var producer in target.Consumes.Select(x => x.Producer).Where(x => !runs.Contains(x)))
            {
                if (!owners.TryGetValue(producer, out var producerOwners))
                    throw Invalid(workflow, $"job '{declaration.Id}': {target.Name} consumes artifacts of {producer.Name}, which no job runs and this job does not depend on; add {producer.Name} to a job.");
                needs.Add(SingleOwner(workflow, declaration, target, producer, producerOwners, "consumes artifacts of"));
                if (producer.Produces.Count == 0)
                    throw Invalid(workflow, $"job '{declaration.Id}': {target.Name} consumes artifacts of {producer.Name}, which declares no Produces(...).");
                if (!downloads.Contains(producer))
                    downloads.Add(producer);
            }
        }

        foreach (var secret in declaration.ImportSecrets)
        {
            if (!parameters.Any(x => x.Key == ParameterNames.Normalize(secret)))
                throw Invalid(workflow, $"job '{declaration.Id}' imports secret '{secret}', which is not a parameter of the build; secrets reach the build only as parameters.");
        }

        var uploads = owned.Where(x => x.Produces.Count > 0).OrderBy(order.IndexOf)
            .Select(x => new ArtifactUpload(owners[x].Count == 1 ? x.Name : $"{x.Name}-{declaration.Id}", x, x.Produces))
            .ToList();
        return new PlannedJob(declaration, owned, order.Where(runs.Contains).ToList(), needs.ToList(), downloads, uploads);
    }

    private static List<ExecutableTarget> ResolveOwned(string workflow, GitHubActionsJobAttribute declaration, IReadOnlyList<ExecutableTarget> targets)
    {
        if (!JobId().IsMatch(declaration.Id))
            throw Invalid(workflow, $"job id '{declaration.Id}' must start with a letter or '_' and contain only letters, digits, '-' and '_'.");
        if (declaration.Targets.Count == 0)
            throw Invalid(workflow, $"job '{declaration.Id}' names no targets.");
        try
        {
            return declaration.Targets.Select(name => BuildSession.FindTarget(name, targets)).Distinct().ToList();
        }
        catch (BuildFailedException exception)
        {
            throw Invalid(workflow, $"job '{declaration.Id}': {exception.Message}");
        }
    }

    private static string SingleOwner(string workflow, GitHubActionsJobAttribute job, ExecutableTarget target, ExecutableTarget other, List<GitHubActionsJobAttribute> otherOwners, string relation) =>
        otherOwners.Count == 1
            ? otherOwners[0].Id
            : throw Invalid(workflow, $"job '{job.Id}': {target.Name} {relation} {other.Name}, which jobs {string.Join(" and ", otherOwners.Select(x => $"'{x.Id}'"))} all run; a target another job relies on must belong to one job.");

    private static List<PlannedJob> OrderJobs(string workflow, List<PlannedJob> jobs)
    {
        var needs = jobs.ToDictionary(x => x.Id, x => x.Needs.Concat(x.Declaration.Needs).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var ordered = new List<PlannedJob>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < jobs.Count)
        {
            var next = jobs.FirstOrDefault(x => !done.Contains(x.Id) && needs[x.Id].All(done.Contains))
                ?? throw Invalid(workflow, $"jobs {string.Join(", ", jobs.Where(x => !done.Contains(x.Id)).Select(x => $"'{x.Id}'"))} need each other in a cycle.");
            ordered.Add(next with { Needs = needs[next.Id] });
            done.Add(next.Id);
        }

        return ordered;
    }

    private static BuildFailedException Invalid(string workflow, string text) => new($"Workflow '{workflow}': {text}");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex JobId();
}
