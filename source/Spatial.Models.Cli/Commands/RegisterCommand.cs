using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class RegisterCommand
{
    public static Command Create()
    {
        var root = CommonOptions.ModelsRoot();
        var package = new Argument<string>("package") { Description = "package directory under the models root" };
        var command = new Command("register", "verify a package and register it as a new version") { root, package };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var entry = new ModelRegistry(parse.GetValue(root)!).Register(parse.GetValue(package)!);
            Console.WriteLine($"registered {entry.Version} at {entry.Path} (manifest SHA-256 {entry.ManifestSha256})");
            return 0;
        }));
        return command;
    }
}
