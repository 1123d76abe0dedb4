namespace Spatial.Models.Tests;

public class SemanticVersionTests
{
    [TestCase("1.0.0", "1.0.1")]
    [TestCase("1.9.0", "1.10.0")]
    [TestCase("1.0.0-alpha", "1.0.0")]
    [TestCase("1.0.0-alpha", "1.0.0-alpha.1")]
    [TestCase("1.0.0-alpha.2", "1.0.0-alpha.10")]
    [TestCase("1.0.0-alpha.beta", "1.0.0-beta")]
    [TestCase("2.0.0", "10.0.0")]
    public void OrdersBySemVerRules(string lower, string higher)
    {
        Assert.That(SemanticVersion.Parse(lower) < SemanticVersion.Parse(higher), Is.True);
        Assert.That(SemanticVersion.Parse(higher) > SemanticVersion.Parse(lower), Is.True);
    }

    [TestCase("1.0")]
    [TestCase("01.0.0")]
    [TestCase("v1.0.0")]
    [TestCase("1.0.0-")]
    [TestCase("")]
    public void RejectsNonSemanticVersions(string text)
    {
        Assert.That(SemanticVersion.TryParse(text, out _), Is.False);
        Assert.Throws<FormatException>(() => SemanticVersion.Parse(text));
    }

    [Test]
    public void BuildMetadataIsIgnoredForOrdering() =>
        Assert.That(SemanticVersion.Parse("1.2.3+build.5").CompareTo(SemanticVersion.Parse("1.2.3")), Is.Zero);
}
