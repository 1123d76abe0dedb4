using Spatial.Build;

/// <summary>The one message a stage whose implementation has not landed gives: it fails, it never passes.</summary>
static class Stage
{
    public static void NotImplementedYet(int number, string name) =>
        Assert.Fail($"stage {number} ({name}) is not implemented yet");
}
