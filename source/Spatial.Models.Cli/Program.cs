using System.CommandLine;
using Spatial.Models.Cli.Commands;

var root = new RootCommand("spatial-models: register, validate, test, promote, roll back, export and import dual-encoder models")
{
    ListCommand.Create(),
    RegisterCommand.Create(),
    ValidateCommand.Create(),
    TestCommand.Create(),
    PromoteCommand.Create(),
    RollbackPlanCommand.Create(),
    ExportCommand.Create(),
    ImportCommand.Create(),
    TrainCommand.Create(),
    GoldenCommand.Create(),
};
return root.Parse(args).Invoke();
