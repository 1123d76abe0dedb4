using System.CommandLine;
using Spatial.Models.Data;

namespace Spatial.Models.Cli.Commands;

internal static class GoldenCommand
{
    /// <summary>Seed of the golden images; one image per class, the first of that class.</summary>
    public const int GoldenSeed = 424_242;

    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "directory for <class>.png", Required = true };
        var command = new Command("golden", "write one generated PNG per class (golden images for other test suites)") { output };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var directory = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var generator = new PizzaImageGenerator(GoldenSeed);
            for (var k = 0; k < PizzaClasses.Count; k++)
            {
                var sample = generator.Generate(k);
                var path = Path.Combine(directory, $"{sample.Class.Label()}.png");
                File.WriteAllBytes(path, PngWriter.Encode(sample.Image));
                Console.WriteLine($"wrote {path}");
            }
            return 0;
        }));
        return command;
    }
}
