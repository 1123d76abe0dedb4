using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var (root, model, version) = (CommonOptions.ModelsRoot(), CommonOptions.Model(), CommonOptions.Version());
        var output = new Option<string>("--output") { Description = "archive to write (.zip)", Required = true };
        var command = new Command("export", "write one version as a single archive with checksums") { root, model, version, output };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var registry = new ModelRegistry(parse.GetValue(root)!);
            var path = ModelArchive.Export(registry, CommonOptions.ModelName(registry, parse.GetValue(model)), parse.GetValue(version), parse.GetValue(output)!);
            Console.WriteLine($"exported to {path}");
            return 0;
        }));
        return command;
    }
}
