using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var root = CommonOptions.ModelsRoot();
        var archive = new Argument<string>("archive") { Description = "archive written by export" };
        var command = new Command("import", "verify an exported archive and register its version") { root, archive };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var entry = ModelArchive.Import(new ModelRegistry(parse.GetValue(root)!), parse.GetValue(archive)!);
            Console.WriteLine($"imported and registered {entry.Version} at {entry.Path}");
            return 0;
        }));
        return command;
    }
}
