using System.Reflection;

namespace Spatial.Models.Tests;

/// <summary>Runs the spatial-models command line in-process and captures its exit code and output.</summary>
internal static class ModelsCli
{
    private static readonly MethodInfo EntryPoint = Assembly.Load(new AssemblyName("spatial-models")).EntryPoint
        ?? throw new InvalidOperationException("spatial-models has no entry point");

    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (savedOut, savedError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = (int)EntryPoint.Invoke(null, [args])!;
            return new Outcome(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}
