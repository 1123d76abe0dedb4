namespace Spatial.Security.Tests;

/// <summary>Paths of the files the test project ships next to its binaries.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static string Schema(string name) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", name);
}
