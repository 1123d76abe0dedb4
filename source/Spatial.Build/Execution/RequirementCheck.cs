using System.Collections;
using System.Linq.Expressions;
using Spatial.Build.Parameters;

namespace Spatial.Build.Execution;

/// <summary>Checks every <c>Requires</c> of the targets about to run, before the first one starts.</summary>
internal static class RequirementCheck
{
    public static void Verify(IReadOnlyList<ExecutableTarget> plan, ParameterRegistry parameters)
    {
        var problems = new List<string>();
        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                var value = Evaluate(target, requirement.Expression);
                if (!requirement.IsParameter)
                {
                    if (value is false)
                        problems.Add($"Target {target.Name} requires {ExpressionText.Of(requirement.Expression)}, which is false.");
                    continue;
                }

                if (IsMissing(value))
                    problems.Add($"Target {target.Name} requires parameter {Describe(requirement.Expression, parameters)}, which has no value.");
            }
        }

        if (problems.Count > 0)
            throw new BuildFailedException(string.Join(Environment.NewLine, problems));
    }

    private static object? Evaluate(ExecutableTarget target, LambdaExpression expression)
    {
        try
        {
            return expression.Compile().DynamicInvoke();
        }
        catch (Exception exception)
        {
            var inner = exception.InnerException ?? exception;
            throw new BuildFailedException($"Target {target.Name}: evaluating Requires({ExpressionText.Of(expression)}) failed: {inner.Message}", inner);
        }
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    private static string Describe(LambdaExpression expression, ParameterRegistry parameters)
    {
        var body = expression.Body;
        while (body is UnaryExpression unary)
            body = unary.Operand;
        if (body is not MemberExpression { Member: var member })
            return ExpressionText.Of(expression);
        var parameter = parameters.Find(member);
        var name = parameter?.Name ?? member.Name;
        var dashed = parameter?.DashedName ?? ParameterNames.ToDashed(member.Name);
        var environment = string.Join('_', dashed.Split('-')).ToUpperInvariant();
        return $"--{dashed} ({name}); pass --{dashed} <value>, set {environment}, or add \"{name}\": \"<value>\" to .nuke/parameters.json";
    }
}
