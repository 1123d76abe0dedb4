using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Unsigned gradient orientation, atan2(gy, gx) folded onto [0, π], eight lanes at a time: a polynomial arctangent
/// on [0, 1] (absolute error below 1e-7 rad, float rounding included) plus octant and quadrant folding.
/// </summary>
internal static class UnsignedOrientation
{
    // atan(a) ≈ a + a·s·Q(s), s = a², Q a degree-7 Chebyshev fit of (atan(√s)/√s − 1)/s on [0, 1] (error 6.5e-8).
    private const float Q0 = -0.333333245f, Q1 = 0.199988101f, Q2 = -0.142590376f, Q3 = 0.108774078f;
    private const float Q4 = -0.0804229559f, Q5 = 0.0493849368f, Q6 = -0.020364471f, Q7 = 0.00396215927f;

    /// <summary>Orientation in [0, π] of each lane's (gx, gy); lanes where both are zero are NaN and must be masked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Of(Vector256<float> gx, Vector256<float> gy)
    {
        var ax = Vector256.Abs(gx);
        var ay = Vector256.Abs(gy);
        var a = Vector256.Min(ax, ay) / Vector256.Max(ax, ay);
        var s = a * a;
        var q = Vector256.Create(Q7);
        q = q * s + Vector256.Create(Q6);
        q = q * s + Vector256.Create(Q5);
        q = q * s + Vector256.Create(Q4);
        q = q * s + Vector256.Create(Q3);
        q = q * s + Vector256.Create(Q2);
        q = q * s + Vector256.Create(Q1);
        q = q * s + Vector256.Create(Q0);
        var r = a + a * s * q;
        // Steeper than 45°: atan(y/x) = π/2 − atan(x/y).
        r = Vector256.ConditionalSelect(Vector256.GreaterThan(ay, ax), Vector256.Create(MathF.PI / 2) - r, r);
        // Opposite signs put atan2 in the second or fourth quadrant, which is π − r modulo π.
        var opposite = Vector256.LessThan((gx.AsInt32() ^ gy.AsInt32()), Vector256<int>.Zero).AsSingle();
        return Vector256.ConditionalSelect(opposite, Vector256.Create(MathF.PI) - r, r);
    }
}
