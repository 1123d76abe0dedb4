using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class PromoteCommand
{
    public static Command Create()
    {
        var validation = new ValidationArguments();
        var command = validation.Command("promote", "validate for an environment and, when every check passes, record the promotion");
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var report = validation.ValidateAndPrint(parse);
            if (!report.Passed)
                return 1;
            var record = new ModelRegistry(validation.ModelsRoot(parse)).Promote(report);
            Console.WriteLine($"promoted {report.Model} {record.Version} to {report.Environment} at {record.At:u}");
            return 0;
        }));
        return command;
    }
}
