using System.CommandLine;

namespace Spatial.Models.Cli.Commands;

/// <summary>The options of a validation (shared by <c>validate</c> and <c>promote</c>) and the run that prints its report.</summary>
internal sealed class ValidationArguments
{
    private readonly Option<string> _root = CommonOptions.ModelsRoot();
    private readonly Option<string?> _model = CommonOptions.Model();
    private readonly Option<string?> _version = CommonOptions.Version();
    private readonly Option<string> _environment = CommonOptions.Environment();
    private readonly Option<bool> _approve = CommonOptions.ApproveMajor();
    private readonly Option<int> _samples = CommonOptions.Samples();

    /// <summary>A command carrying every validation option.</summary>
    public Command Command(string name, string description) =>
        new(name, description) { _root, _model, _version, _environment, _approve, _samples };

    /// <summary>The models root the command was given.</summary>
    public string ModelsRoot(ParseResult parse) => parse.GetValue(_root)!;

    /// <summary>Validates as the command line says and prints the report's lines.</summary>
    public ValidationReport ValidateAndPrint(ParseResult parse)
    {
        var report = ModelValidation.Validate(new ModelValidationOptions
        {
            ModelsRoot = ModelsRoot(parse),
            Model = parse.GetValue(_model),
            Version = parse.GetValue(_version),
            Environment = parse.GetValue(_environment)!,
            ApproveMajor = parse.GetValue(_approve),
            ValidationSamples = parse.GetValue(_samples),
        });
        foreach (var line in report.Lines())
            Console.WriteLine(line);
        return report;
    }
}
