namespace Spatial.GpuCheck.Tests;

public sealed class ParityCheckTests
{
    [Test]
    public void Identical_outputs_pass_with_no_difference()
    {
        var result = ParityCheck.Compare([0.5f, -1f, 3f], [0.5f, -1f, 3f]);
        Assert.That(result.MaxAbsDiff, Is.EqualTo(0));
        Assert.That(result.Within(0), Is.True);
    }

    [Test]
    public void One_value_further_off_than_the_tolerance_fails()
    {
        var result = ParityCheck.Compare([0.5f, -1f, 3.001f], [0.5f, -1f, 3f]);
        Assert.That(result.MaxAbsDiff, Is.EqualTo(1e-3).Within(1e-6));
        Assert.That(result.Within(1e-4), Is.False);
        Assert.That(result.Within(1e-2), Is.True);
    }

    [Test]
    public void A_nan_fails_whatever_the_tolerance()
    {
        var result = ParityCheck.Compare([0.5f, float.NaN, 3f], [0.5f, -1f, 3f]);
        Assert.That(result.NonFiniteIndex, Is.EqualTo(1));
        Assert.That(result.Within(double.MaxValue), Is.False);
    }

    [Test]
    public void An_infinite_expected_value_fails_too() =>
        Assert.That(ParityCheck.Compare([1f], [float.PositiveInfinity]).Within(double.MaxValue), Is.False);

    [Test]
    public void Outputs_of_different_lengths_fail()
    {
        var result = ParityCheck.Compare([1f, 2f], [1f, 2f, 3f]);
        Assert.That(result.LengthsMatch, Is.False);
        Assert.That(result.Within(double.MaxValue), Is.False);
    }
}
