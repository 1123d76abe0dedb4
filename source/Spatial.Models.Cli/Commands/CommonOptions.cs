using System.CommandLine;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

/// <summary>Options several commands share, and the one place errors become exit codes.</summary>
internal static class CommonOptions
{
    public static Option<string> ModelsRoot() => new("--models") { Description = "models root holding registry.json", DefaultValueFactory = _ => "models" };

    public static Option<string?> Model() => new("--model") { Description = "model name (default: the only registered model)" };

    public static Option<string?> Version() => new("--version") { Description = "model version (default: the latest registered)" };

    public static Option<string> Environment() => new("--environment") { Description = "development, staging or production", Required = true };

    public static Option<bool> ApproveMajor() => new("--approve-major") { Description = "approve a major-version bump over what the environment runs" };

    public static Option<int> Samples() => new("--samples") { Description = "images in the generated validation set", DefaultValueFactory = _ => 500 };

    /// <summary>Runs <paramref name="action"/>, turning expected failures into one line on stderr and exit code 1.</summary>
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is RegistryException or ModelPackageException or ArgumentException or IOException or FormatException)
        {
            // ArgumentException appends "(Parameter 'x')"; the CLI user needs only the sentence.
            var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            Console.Error.WriteLine($"error: {message}");
            return 1;
        }
    }

    public static string ModelName(ModelRegistry registry, string? model) => model ?? ModelRegistry.DefaultModelName(registry.Read());
}
