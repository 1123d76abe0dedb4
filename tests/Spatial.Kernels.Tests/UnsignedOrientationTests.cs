using System.Runtime.Intrinsics;
using Spatial.Kernels.Cpu;

namespace Spatial.Kernels.Tests;

/// <summary>The vectorised orientation that replaces atan2 in the CPU feature pass, against Math.Atan2 folded onto [0, π].</summary>
[TestFixture]
public sealed class UnsignedOrientationTests
{
    private static double Expected(double gx, double gy)
    {
        var theta = Math.Atan2(gy, gx);
        return theta < 0 ? theta + Math.PI : theta;
    }

    [Test]
    public void Matches_atan2_folded_onto_zero_to_pi_in_every_octant()
    {
        var worst = 0.0;
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var gx = new float[8];
            var gy = new float[8];
            for (var lane = 0; lane < 8; lane++)
            {
                // Integer Sobel sums, as the kernel produces them, over the whole range and near zero.
                var scale = i % 2 == 0 ? 261_120 : 5;
                gx[lane] = random.Next(-scale, scale + 1) * 1e-5f;
                gy[lane] = random.Next(-scale, scale + 1) * 1e-5f;
            }
            var theta = UnsignedOrientation.Of(Vector256.Create(gx), Vector256.Create(gy));
            for (var lane = 0; lane < 8; lane++)
            {
                if (gx[lane] == 0f && gy[lane] == 0f)
                    continue;
                var error = Math.Abs(theta.GetElement(lane) - Expected(gx[lane], gy[lane]));
                // θ = π and θ = 0 are the same unsigned orientation.
                worst = Math.Max(worst, Math.Min(error, Math.Abs(error - Math.PI)));
            }
        }
        Assert.That(worst, Is.LessThan(5e-7));
    }

    [TestCase(1f, 0f, 0.0)]
    [TestCase(0f, 1f, Math.PI / 2)]
    [TestCase(-1f, 0f, Math.PI)]
    [TestCase(0f, -1f, Math.PI / 2)]
    [TestCase(1f, 1f, Math.PI / 4)]
    [TestCase(-1f, 1f, 3 * Math.PI / 4)]
    [TestCase(1f, -1f, 3 * Math.PI / 4)]
    [TestCase(-1f, -1f, Math.PI / 4)]
    public void Axes_and_diagonals_land_where_atan2_puts_them(float gx, float gy, double expected) =>
        Assert.That(UnsignedOrientation.Of(Vector256.Create(gx), Vector256.Create(gy)).GetElement(0), Is.EqualTo(expected).Within(3e-7));
}
