using Spatial.Models.Data;

namespace Spatial.Models.Tests;

public class PizzaImageGeneratorTests
{
    [Test]
    public void SameSeedAndIndexGiveTheSameImage()
    {
        var a = new PizzaImageGenerator(17).Generate(12);
        var b = new PizzaImageGenerator(17).Generate(12);
        Assert.That(b.Class, Is.EqualTo(a.Class));
        Assert.That(b.Image.Pixels.ToArray(), Is.EqualTo(a.Image.Pixels.ToArray()));
    }

    [Test]
    public void DifferentSeedsAndIndicesGiveDifferentImages()
    {
        var a = new PizzaImageGenerator(17).Generate(12).Image.Pixels.ToArray();
        Assert.That(new PizzaImageGenerator(18).Generate(12).Image.Pixels.ToArray(), Is.Not.EqualTo(a));
        Assert.That(new PizzaImageGenerator(17).Generate(17).Image.Pixels.ToArray(), Is.Not.EqualTo(a));
    }

    [Test]
    public void ClassesCycleSoEveryRunIsBalanced()
    {
        var samples = new PizzaImageGenerator(3).GenerateRange(0, 50);
        var counts = samples.GroupBy(s => s.Class).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Keys, Is.EquivalentTo(Enum.GetValues<PizzaClass>()));
        Assert.That(counts.Values, Is.All.EqualTo(10));
    }

    [Test]
    public void BurntPizzasAreDarkerThanBakedAndRawOnesPaler()
    {
        static double Mean(PizzaClass c) =>
            Enumerable.Range(0, 20).Select(i => new PizzaImageGenerator(5).Generate(i, c).Image.Pixels.ToArray().Average(b => (double)b)).Average();
        Assert.That(Mean(PizzaClass.Burnt), Is.LessThan(Mean(PizzaClass.Baked)));
        Assert.That(Mean(PizzaClass.Raw), Is.GreaterThan(Mean(PizzaClass.Baked)));
    }

    [Test]
    public void LabelsFollowTheEnumOrder() =>
        Assert.That(Enum.GetValues<PizzaClass>().Select(c => c.Label()), Is.EqualTo(PizzaClasses.Labels));
}
