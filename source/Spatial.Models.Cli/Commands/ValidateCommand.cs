using System.CommandLine;

namespace Spatial.Models.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var validation = new ValidationArguments();
        var command = validation.Command("validate", "run every check for an environment; exit 1 when any fails");
        command.SetAction(parse => CommonOptions.Run(() => validation.ValidateAndPrint(parse).Passed ? 0 : 1));
        return command;
    }
}
