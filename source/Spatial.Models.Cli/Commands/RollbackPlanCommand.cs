using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class RollbackPlanCommand
{
    public static Command Create()
    {
        var (root, model, environment) = (CommonOptions.ModelsRoot(), CommonOptions.Model(), CommonOptions.Environment());
        var record = new Option<bool>("--record") { Description = "record that the rollback was carried out" };
        var command = new Command("rollback-plan", "derive the rollback of an environment from its promotion history") { root, model, environment, record };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var registry = new ModelRegistry(parse.GetValue(root)!);
            var plan = registry.PlanRollback(CommonOptions.ModelName(registry, parse.GetValue(model)), parse.GetValue(environment)!);
            Console.WriteLine($"roll {plan.Model} in {plan.Environment} back from {plan.CurrentVersion} to {plan.TargetVersion}:");
            foreach (var (step, i) in plan.Steps.Select((s, i) => (s, i)))
                Console.WriteLine($"  {i + 1}. {step}");
            if (parse.GetValue(record))
            {
                registry.RecordRollback(plan);
                Console.WriteLine($"recorded: {plan.Environment} serves {plan.TargetVersion}");
            }
            return 0;
        }));
        return command;
    }
}
