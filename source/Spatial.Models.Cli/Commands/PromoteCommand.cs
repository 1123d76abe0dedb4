using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class PromoteCommand
{
    public static Command Create()
    {
        var (root, model, version, environment, approve, samples) =
            (CommonOptions.ModelsRoot(), CommonOptions.Model(), CommonOptions.Version(), CommonOptions.Environment(), CommonOptions.ApproveMajor(), CommonOptions.Samples());
        var command = new Command("promote", "validate for an environment and, when every check passes, record the promotion") { root, model, version, environment, approve, samples };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var report = ModelValidation.Validate(new ModelValidationOptions
            {
                ModelsRoot = parse.GetValue(root)!, Model = parse.GetValue(model), Version = parse.GetValue(version),
                Environment = parse.GetValue(environment)!, ApproveMajor = parse.GetValue(approve), ValidationSamples = parse.GetValue(samples),
            });
            foreach (var line in report.Lines())
                Console.WriteLine(line);
            if (!report.Passed)
                return 1;
            var record = new ModelRegistry(parse.GetValue(root)!).Promote(report);
            Console.WriteLine($"promoted {report.Model} {record.Version} to {report.Environment} at {record.At:u}");
            return 0;
        }));
        return command;
    }
}
