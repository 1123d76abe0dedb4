namespace Spatial.Security.Tests;

/// <summary>A test class whose every test gets a fresh temporary folder, removed afterwards.</summary>
public abstract class FolderTest
{
    /// <summary>The current test's folder.</summary>
    protected string Root { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Root = Directory.CreateTempSubdirectory($"spatial-{GetType().Name}-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(Root, recursive: true);
}
