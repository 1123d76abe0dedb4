using System.Globalization;

namespace Spatial.GpuCheck;

/// <summary>The command line: <c>[--local] [--seconds S] [--budget S] [--models DIR]</c>.</summary>
internal sealed record GpuCheckOptions
{
    public const string Usage =
        "usage: Spatial.GpuCheck [--local] [--seconds S] [--budget S] [--models DIR]\n" +
        "  --local      run without a CUDA device (the CPU half: vectorised CPU vs ILGPU CPU vs reference, forward pass, PTX)\n" +
        "  --seconds S  measuring time per throughput figure (default 1)\n" +
        "  --budget S   seconds after which the remaining throughput figures are skipped (default 120)\n" +
        "  --models DIR the models folder with registry.json (default models, from the repository root)";

    /// <summary>Run the CPU half when no CUDA device exists instead of failing.</summary>
    public bool Local { get; init; }

    /// <summary>Measuring time per throughput figure.</summary>
    public double Seconds { get; init; } = 1;

    /// <summary>Seconds since start after which throughput figures are skipped (parity always runs in full).</summary>
    public double BudgetSeconds { get; init; } = 120;

    public string ModelsRoot { get; init; } = "models";

    public bool Help { get; init; }

    /// <summary>Parses <paramref name="args"/>; an unknown option or a bad value throws <see cref="ArgumentException"/> saying which.</summary>
    public static GpuCheckOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GpuCheckOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--local" => options with { Local = true },
                "--seconds" => options with { Seconds = PositiveSeconds(args, ++i, "--seconds") },
                "--budget" => options with { BudgetSeconds = PositiveSeconds(args, ++i, "--budget") },
                "--models" => options with { ModelsRoot = Value(args, ++i, "--models") },
                "--help" or "-h" => options with { Help = true },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }
        return options;
    }

    private static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{option} needs a value");

    private static double PositiveSeconds(IReadOnlyList<string> args, int index, string option)
    {
        var text = Value(args, index, option);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 600
            ? seconds
            : throw new ArgumentException($"{option} takes seconds between 0 and 600, got '{text}'");
    }
}
