using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class ListCommand
{
    public static Command Create()
    {
        var root = CommonOptions.ModelsRoot();
        var command = new Command("list", "list registered models, versions and what each environment serves") { root };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var document = new ModelRegistry(parse.GetValue(root)!).Read();
            if (document.Models.Count == 0)
                Console.WriteLine("no models registered");
            foreach (var (name, model) in document.Models)
            {
                Console.WriteLine($"{name}  classes [{string.Join(", ", model.Classes)}]");
                foreach (var version in model.Versions)
                {
                    var serving = model.Environments.Where(e => e.Value.History.LastOrDefault()?.Version == version.Version).Select(e => e.Key);
                    var lastTest = version.Tests.LastOrDefault();
                    Console.WriteLine($"  {version.Version,-10} {version.Path,-28} held-out {version.HeldOutAccuracy:P2}"
                        + (lastTest is null ? "" : $"  last test {lastTest.Accuracy:P2}")
                        + (serving.Any() ? $"  serving: {string.Join(", ", serving)}" : ""));
                }
                foreach (var (environment, history) in model.Environments)
                    Console.WriteLine($"  {environment}: {string.Join(" → ", history.History.Select(h => h.Kind == PromotionRecord.Rollback ? $"{h.Version} (rollback)" : h.Version))}");
            }
            return 0;
        }));
        return command;
    }
}
