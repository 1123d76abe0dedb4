using System.Reflection;

namespace Spatial.Build.CI.GitHubActions;

/// <summary>
/// A job of a generated workflow: the targets it owns. Dependencies of those targets that no job owns run in the job too
/// (compilation, restore); dependencies owned by other jobs become <c>needs:</c>. The job runs
/// <c>./build.sh &lt;targets&gt; --skip</c>, so it never redoes another job's work.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsJobAttribute(string workflow, string id, params string[] targets) : Attribute
{
    /// <summary>The <see cref="GitHubActionsAttribute.Name"/> of the workflow this job belongs to.</summary>
    public string Workflow { get; } = workflow;

    /// <summary>The job id (<c>jobs.&lt;id&gt;</c>, referenced by <c>needs:</c>).</summary>
    public string Id { get; } = id;

    /// <summary>Names of the targets this job owns.</summary>
    public IReadOnlyList<string> Targets { get; } = targets;

    /// <summary>Runner labels, e.g. <c>["self-hosted", "gpu"]</c>; empty: the workflow's.</summary>
    public string[] RunsOn { get; set; } = [];

    /// <summary>Timeout in minutes; 0: the workflow's.</summary>
    public int TimeoutMinutes { get; set; }

    /// <summary>GitHub environment the job deploys to (its protection rules and secrets apply).</summary>
    public string? Environment { get; set; }

    /// <summary>Job condition (<c>if:</c>), a GitHub expression without <c>${{ }}</c>.</summary>
    public string? Condition { get; set; }

    /// <summary>Jobs that must finish first for reasons the target graph does not hold (e.g. production after staging).</summary>
    public string[] Needs { get; set; } = [];

    /// <summary>Arguments appended to the build command, e.g. <c>--environment staging</c>.</summary>
    public string? Arguments { get; set; }

    /// <summary>Secrets passed to the build as environment variables of the same name; each must be a parameter of the build.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Installs the workflow's pinned Trivy release (checksum verified) and puts it on the PATH.</summary>
    public bool InstallTrivy { get; set; }

    /// <summary>The job attributes of <paramref name="workflow"/> declared on the build class, in declaration order.</summary>
    internal static IReadOnlyList<GitHubActionsJobAttribute> For(Type buildType, string workflow) =>
        buildType.GetCustomAttributes<GitHubActionsJobAttribute>(inherit: true).Where(x => x.Workflow == workflow).ToList();
}
