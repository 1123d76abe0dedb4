using System.Text.RegularExpressions;
using Spatial.Build.CI.Yaml;

namespace Spatial.Build.CI.GitHubActions;

/// <summary>Writes the workflow file: header, triggers, permissions, concurrency and one job per planned job.</summary>
internal static partial class WorkflowDocument
{
    /// <summary>The input that <see cref="GitHubActionsAttribute.OnWorkflowDispatch"/> adds; job conditions read <c>inputs.environment</c>.</summary>
    public const string EnvironmentInput = "environment";

    public static string Write(GitHubActionsAttribute workflow, IReadOnlyList<PlannedJob> jobs)
    {
        var permissions = ParsePermissions(workflow);
        var document = new YamlMapping()
            .Add("name", workflow.Name)
            .Add("on", Triggers(workflow, jobs))
            .Add("permissions", PermissionMapping(permissions));
        if (!string.IsNullOrWhiteSpace(workflow.ConcurrencyGroup))
        {
            document.Add("concurrency", new YamlMapping()
                .Add("group", workflow.ConcurrencyGroup)
                .Add("cancel-in-progress", BooleanOrExpression(workflow.ConcurrencyCancelInProgress)));
        }

        var jobMapping = new YamlMapping();
        foreach (var job in jobs)
            jobMapping.Add(job.Id, Job(workflow, job, permissions));
        document.Add("jobs", jobMapping);

        return $"""
            # Generated from the build definition (the [GitHubActions] attributes and the target graph): do not edit.
            # Regenerate with: ./build.sh --generate-configuration {workflow.Id}

            """ + YamlWriter.Write(document);
    }

    private static YamlMapping Triggers(GitHubActionsAttribute workflow, IReadOnlyList<PlannedJob> jobs)
    {
        var on = new YamlMapping();
        if (workflow.OnPushBranches.Length > 0)
            on.Add("push", BranchTrigger(workflow, "push", workflow.OnPushBranches, workflow.OnPushIncludePaths, workflow.OnPushExcludePaths));
        if (workflow.OnPullRequestBranches.Length > 0)
            on.Add("pull_request", BranchTrigger(workflow, "pull_request", workflow.OnPullRequestBranches, workflow.OnPullRequestIncludePaths, workflow.OnPullRequestExcludePaths));
        if (workflow.OnWorkflowDispatch)
        {
            var environments = jobs.Select(x => x.Declaration.Environment).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var dispatch = new YamlMapping();
            if (environments.Count > 0)
            {
                dispatch.Add("inputs", new YamlMapping().Add(EnvironmentInput, new YamlMapping()
                    .Add("description", "Environment to deploy to")
                    .Add("type", "choice")
                    .Add("required", true)
                    .Add("default", environments[0])
                    .Add("options", YamlSequence.Of(environments, flow: false))));
            }

            on.Add("workflow_dispatch", dispatch);
        }

        return on.Entries.Count > 0
            ? on
            : throw new BuildFailedException($"Workflow '{workflow.Name}' has no trigger: set OnPushBranches, OnPullRequestBranches or OnWorkflowDispatch.");
    }

    private static YamlMapping BranchTrigger(GitHubActionsAttribute workflow, string trigger, string[] branches, string[] includePaths, string[] excludePaths)
    {
        if (includePaths.Length > 0 && excludePaths.Length > 0)
            throw new BuildFailedException($"Workflow '{workflow.Name}': {trigger} sets both included and excluded paths; GitHub accepts only one of paths and paths-ignore per trigger.");
        var mapping = new YamlMapping().Add("branches", YamlSequence.Of(branches));
        if (includePaths.Length > 0)
            mapping.Add("paths", YamlSequence.Of(includePaths));
        if (excludePaths.Length > 0)
            mapping.Add("paths-ignore", YamlSequence.Of(excludePaths));
        return mapping;
    }

    /// <summary>
    /// A self-hosted runner is a persistent machine: code from a fork's pull request must never run there (it could
    /// keep a foothold or poison caches for later main-branch jobs). Such jobs run on pushes and on pull requests from
    /// branches of this repository only.
    /// </summary>
    public const string TrustedTriggerCondition =
        "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository";

    private static string? JobCondition(string? declared, IReadOnlyList<string> runsOn)
    {
        var selfHosted = runsOn.Contains("self-hosted", StringComparer.OrdinalIgnoreCase);
        var hasDeclared = !string.IsNullOrWhiteSpace(declared);
        return (selfHosted, hasDeclared) switch
        {
            (true, true) => $"({TrustedTriggerCondition}) && ({declared})",
            (true, false) => TrustedTriggerCondition,
            (false, true) => declared,
            _ => null,
        };
    }

    private static YamlMapping Job(GitHubActionsAttribute workflow, PlannedJob job, SortedDictionary<string, string> permissions)
    {
        var declaration = job.Declaration;
        var name = string.Join(", ", job.Owned.Select(x => x.Name));
        var mapping = new YamlMapping().Add("name", declaration.Environment is { Length: > 0 } environment ? $"{name} ({environment})" : name);
        if (job.Needs.Count > 0)
            mapping.Add("needs", YamlSequence.Of(job.Needs));
        var runsOn = declaration.RunsOn.Length > 0 ? declaration.RunsOn : workflow.RunsOn;
        if (JobCondition(declaration.Condition, runsOn) is { } condition)
            mapping.Add("if", condition);
        if (runsOn.Length == 0)
            throw new BuildFailedException($"Workflow '{workflow.Name}': job '{job.Id}' has no runner labels (RunsOn).");
        mapping.Add("runs-on", runsOn.Length == 1 ? new YamlScalar(runsOn[0]) : YamlSequence.Of(runsOn));
        if (!string.IsNullOrWhiteSpace(declaration.Environment))
            mapping.Add("environment", declaration.Environment);
        mapping.Add("timeout-minutes", declaration.TimeoutMinutes > 0 ? declaration.TimeoutMinutes : workflow.TimeoutMinutes);

        var sarifFiles = job.Uploads.SelectMany(x => x.Paths).Where(x => x.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase)).ToList();
        if (sarifFiles.Count > 0)
        {
            // Code scanning needs to write security events; job permissions replace the workflow's, so those are repeated.
            var jobPermissions = new SortedDictionary<string, string>(permissions, StringComparer.Ordinal) { ["security-events"] = "write" };
            jobPermissions.TryAdd("actions", "read");
            mapping.Add("permissions", PermissionMapping(jobPermissions));
        }

        mapping.Add("steps", new YamlSequence(Steps(workflow, job, sarifFiles)));
        return mapping;
    }

    private static IEnumerable<YamlNode> Steps(GitHubActionsAttribute workflow, PlannedJob job, List<string> sarifFiles)
    {
        yield return new YamlMapping().Add("name", "Check out").Add("uses", ActionVersions.Checkout);
        yield return new YamlMapping().Add("name", "Set up .NET (global.json)").Add("uses", ActionVersions.SetupDotNet)
            .Add("with", new YamlMapping().Add("global-json-file", "global.json"));
        if (workflow.CacheKeyFiles.Length > 0)
        {
            var hashed = string.Join(", ", workflow.CacheKeyFiles.Select(x => $"'{x}'"));
            yield return new YamlMapping().Add("name", "Cache NuGet packages").Add("uses", ActionVersions.Cache)
                .Add("with", new YamlMapping()
                    .Add("path", Lines(workflow.CachePaths))
                    .Add("key", $"${{{{ runner.os }}}}-nuget-${{{{ hashFiles({hashed}) }}}}")
                    .Add("restore-keys", "${{ runner.os }}-nuget-"));
        }

        if (job.Declaration.InstallTrivy)
            yield return TrivyInstallStep.Create(workflow.Name, workflow.TrivyVersion, workflow.TrivySha256);

        foreach (var producer in job.Downloads)
        {
            yield return new YamlMapping().Add("name", $"Download {producer.Name} artifacts").Add("uses", ActionVersions.DownloadArtifact)
                .Add("with", new YamlMapping().Add("name", producer.Name).Add("path", WorkflowPlan.ArtifactRoot(producer.Produces)));
        }

        var command = $"./build.sh {string.Join(' ', job.Runs.Select(x => x.Name))} --skip";
        if (!string.IsNullOrWhiteSpace(job.Declaration.Arguments))
            command += " " + job.Declaration.Arguments.Trim();
        var run = new YamlMapping().Add("name", "Run " + string.Join(", ", job.Owned.Select(x => x.Name))).Add("run", command);
        if (job.Declaration.ImportSecrets.Length > 0)
        {
            var environment = new YamlMapping();
            foreach (var secret in job.Declaration.ImportSecrets)
                environment.Add(secret, $"${{{{ secrets.{secret} }}}}");
            run.Add("env", environment);
        }

        yield return run;

        foreach (var upload in job.Uploads)
        {
            yield return new YamlMapping().Add("name", $"Upload {upload.Name} artifacts").Add("uses", ActionVersions.UploadArtifact)
                .Add("with", new YamlMapping()
                    .Add("name", upload.Name)
                    .Add("path", Lines(upload.Paths))
                    .Add("if-no-files-found", "error")
                    // Reports live under .nuke/, which the upload action skips unless hidden files are included.
                    .Add("include-hidden-files", true));
        }

        foreach (var sarif in sarifFiles)
        {
            // A failing severity gate is when the findings matter most, so the report is uploaded on failure too.
            yield return new YamlMapping().Add("name", "Upload SARIF to code scanning").Add("if", "success() || failure()").Add("uses", ActionVersions.UploadSarif)
                .Add("with", new YamlMapping().Add("sarif_file", SarifLocation(sarif)));
        }
    }

    // A glob is handed over as the folder it starts in; the action reads every .sarif file there.
    private static string SarifLocation(string pattern) =>
        pattern.IndexOfAny(['*', '?', '[']) < 0 ? pattern : WorkflowPlan.ArtifactRoot([pattern]);

    private static string Lines(IReadOnlyList<string> values) => values.Count == 1 ? values[0] : string.Join('\n', values) + "\n";

    private static YamlScalar BooleanOrExpression(string value) =>
        value.Trim() switch
        {
            "true" => YamlScalar.Boolean(true),
            "false" => YamlScalar.Boolean(false),
            var expression => new YamlScalar(expression),
        };

    private static SortedDictionary<string, string> ParsePermissions(GitHubActionsAttribute workflow)
    {
        var permissions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in workflow.Permissions)
        {
            var match = Permission().Match(entry);
            if (!match.Success)
                throw new BuildFailedException($"Workflow '{workflow.Name}': permission '{entry}' must read 'scope: read|write|none', e.g. 'contents: read'.");
            if (!permissions.TryAdd(match.Groups["scope"].Value, match.Groups["level"].Value))
                throw new BuildFailedException($"Workflow '{workflow.Name}': permission '{match.Groups["scope"].Value}' is given twice.");
        }

        return permissions;
    }

    private static YamlMapping PermissionMapping(SortedDictionary<string, string> permissions)
    {
        var mapping = new YamlMapping();
        foreach (var (scope, level) in permissions)
            mapping.Add(scope, level);
        return mapping;
    }

    [GeneratedRegex(@"^\s*(?<scope>[a-z][a-z-]*)\s*:\s*(?<level>read|write|none)\s*$")]
    private static partial Regex Permission();
}
