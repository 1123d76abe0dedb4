using System.CommandLine;

namespace Spatial.Models.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var (root, model, version, environment, approve, samples) =
            (CommonOptions.ModelsRoot(), CommonOptions.Model(), CommonOptions.Version(), CommonOptions.Environment(), CommonOptions.ApproveMajor(), CommonOptions.Samples());
        var command = new Command("validate", "run every check for an environment; exit 1 when any fails") { root, model, version, environment, approve, samples };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var report = ModelValidation.Validate(new ModelValidationOptions
            {
                ModelsRoot = parse.GetValue(root)!, Model = parse.GetValue(model), Version = parse.GetValue(version),
                Environment = parse.GetValue(environment)!, ApproveMajor = parse.GetValue(approve), ValidationSamples = parse.GetValue(samples),
            });
            foreach (var line in report.Lines())
                Console.WriteLine(line);
            return report.Passed ? 0 : 1;
        }));
        return command;
    }
}
