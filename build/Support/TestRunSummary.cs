using System.Xml.Linq;

/// <summary>Counts from the TRX files a `dotnet test --logger trx` run wrote: the figure a test target reports.</summary>
sealed record TestRunSummary(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;

    /// <summary>Sums the counters of every *.trx file under <paramref name="directory"/>.</summary>
    public static TestRunSummary Read(string directory)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var counters = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories)
                .Select(file => XDocument.Load(file).Descendants(ns + "Counters").Single())
                .ToList()
            : [];
        int Sum(string attribute) => counters.Sum(c => (int?)c.Attribute(attribute) ?? 0);
        return new TestRunSummary(Sum("passed"), Sum("failed") + Sum("error") + Sum("timeout") + Sum("aborted"), Sum("notExecuted"));
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
