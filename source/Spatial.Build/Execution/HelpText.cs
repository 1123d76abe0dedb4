using System.Collections;
using System.Reflection;
using Spatial.Build.Logging;
using Spatial.Build.Parameters;
using Spectre.Console;

namespace Spatial.Build.Execution;

/// <summary>The <c>--help</c> text: targets with their direct dependencies, then parameters (custom first).</summary>
internal static class HelpText
{
    public static void Write(BuildOutput output, IReadOnlyList<ExecutableTarget> targets, ParameterRegistry parameters, object build)
    {
        output.WriteLine("Targets (with their direct dependencies):", ConsoleStyles.Header);
        output.WriteLine();
        var targetGrid = new Grid().AddColumn(new GridColumn().PadLeft(2).PadRight(4)).AddColumn(new GridColumn().PadRight(4)).AddColumn();
        foreach (var target in OrderForHelp(targets).Where(x => x.Listed))
        {
            var dependencies = target.ExecutionDependencies.Count > 0 ? "-> " + string.Join(", ", target.ExecutionDependencies.Select(x => x.Name)) : string.Empty;
            targetGrid.AddRow(
                new Text(target.Name + (target.IsDefault ? " (default)" : string.Empty), target.IsDefault ? ConsoleStyles.Header : Style.Plain),
                new Text(dependencies, ConsoleStyles.Dim),
                new Text(target.Description ?? string.Empty));
        }

        output.Write(targetGrid);
        output.WriteLine();
        output.WriteLine("Parameters:", ConsoleStyles.Header);
        output.WriteLine();
        var parameterGrid = new Grid().AddColumn(new GridColumn().PadLeft(2).PadRight(4)).AddColumn();
        foreach (var parameter in parameters.Parameters.Where(x => x.Attribute.List).OrderBy(x => x.DashedName, StringComparer.Ordinal))
            parameterGrid.AddRow(new Text("--" + parameter.DashedName), new Text(Describe(parameter, parameters.SourceOf(parameter), build, output.Mask)));
        parameterGrid.AddRow(new Text(string.Empty), new Text(string.Empty));
        foreach (var (name, description) in CommandLineArguments.EngineSwitchDescriptions)
            parameterGrid.AddRow(new Text("--" + name, ConsoleStyles.Dim), new Text(description, ConsoleStyles.Dim));
        output.Write(parameterGrid);
    }

    // Help must work even when the graph has a cycle: then it lists in declaration order.
    private static IReadOnlyList<ExecutableTarget> OrderForHelp(IReadOnlyList<ExecutableTarget> targets)
    {
        try
        {
            return ExecutionPlanner.Order(targets);
        }
        catch (BuildFailedException)
        {
            return targets;
        }
    }

    // "Default" is the member's own value; a value some source gave is labelled with that source.
    private static string Describe(ParameterDescriptor parameter, string? source, object build, SecretMask mask)
    {
        var text = parameter.Description ?? string.Empty;
        if (ValueConverter.AcceptedValues(parameter.Type) is { } accepted)
            text += $" ({string.Join(", ", accepted)})";
        if (CurrentValue(parameter, build) is { } value)
        {
            var shown = parameter.IsSecret ? SecretMask.Mask : mask.Apply(value);
            text += source is null ? $" Default: {shown}." : $" Value: {shown} (from {source}).";
        }

        return text.Trim();
    }

    private static string? CurrentValue(ParameterDescriptor parameter, object build)
    {
        try
        {
            return parameter.Getter?.Invoke(build) switch
            {
                null => null,
                string text => text.Length == 0 ? null : text,
                bool flag => flag ? "true" : null,
                IEnumerable items => items.Cast<object?>().Any() ? string.Join(' ', items.Cast<object?>()) : null,
                var value => value.ToString(),
            };
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
