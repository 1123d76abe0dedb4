using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// One image row to integer luminance (77R + 150G + 29B), stored padded by one replicated pixel on each side, and
/// optionally the row's exact colour, luminance and dark-pixel sums per patch column. With AVX2 eight pixels are
/// unpacked at a time by byte shuffles.
/// </summary>
internal static unsafe class LuminanceRow
{
    private const byte Zero = 0x80;

    // Per 128-bit lane: the R (G, B) byte of four packed RGB pixels into the low byte of four 32-bit lanes.
    private static readonly Vector256<byte> PickRed = Pick(0);
    private static readonly Vector256<byte> PickGreen = Pick(1);
    private static readonly Vector256<byte> PickBlue = Pick(2);

    private static Vector256<byte> Pick(int channel)
    {
        var mask = new byte[32];
        for (var lane = 0; lane < 8; lane++)
        {
            mask[lane * 4] = (byte)(lane % 4 * 3 + channel);
            mask[lane * 4 + 1] = mask[lane * 4 + 2] = mask[lane * 4 + 3] = Zero;
        }
        return Vector256.Create(mask);
    }

    /// <summary>
    /// Writes luma[1..width] for the row at <paramref name="row"/> (luma[0] and the slack replicate the edges);
    /// <paramref name="readable"/> is how many bytes may be read from the row's start. When <paramref name="sums"/>
    /// is not null, adds the row's sums to sums[j·6 ..] for each patch column j.
    /// </summary>
    public static void Compute(byte* row, long readable, int width, FeaturePlan plan, int* luma, long* sums)
    {
        var g = plan.Grid;
        for (var j = 0; j < g; j++)
        {
            int cs = FeaturePlan.RangeStart(j, width, g), ce = FeaturePlan.RangeEnd(j, width, g);
            long r = 0, gr = 0, b = 0, y = 0, yy = 0, dark = 0;
            var c = cs;
            if (Avx2.IsSupported)
            {
                Vector256<int> vr = default, vg = default, vb = default, vy = default, vdark = default;
                Vector256<ulong> vyy = default;
                var darkLuma = Vector256.Create(plan.DarkLuma);
                // The second 16-byte load ends 4 bytes past the eighth pixel: stay inside the image.
                for (; c + 8 <= ce && 3L * c + 28 <= readable; c += 8)
                {
                    var p = row + 3 * c;
                    var bytes = Vector256.Create(Sse2.LoadVector128(p), Sse2.LoadVector128(p + 12));
                    var red = Avx2.Shuffle(bytes, PickRed).AsInt32();
                    var green = Avx2.Shuffle(bytes, PickGreen).AsInt32();
                    var blue = Avx2.Shuffle(bytes, PickBlue).AsInt32();
                    var l = red * FeaturePlan.LumaR + green * FeaturePlan.LumaG + blue * FeaturePlan.LumaB;
                    Vector256.Store(l, luma + 1 + c);
                    vr += red;
                    vg += green;
                    vb += blue;
                    vy += l;
                    // Luminance is below 2^16, so its square fits an unsigned 32-bit lane exactly.
                    var (low, high) = Vector256.Widen((l * l).AsUInt32());
                    vyy += low + high;
                    vdark -= Vector256.LessThan(l, darkLuma);
                }
                r = Vector256.Sum(vr);
                gr = Vector256.Sum(vg);
                b = Vector256.Sum(vb);
                y = Vector256.Sum(vy);
                yy = (long)Vector256.Sum(vyy);
                dark = Vector256.Sum(vdark);
            }
            for (; c < ce; c++)
            {
                var p = row + 3 * c;
                var l = FeaturePlan.LumaR * p[0] + FeaturePlan.LumaG * p[1] + FeaturePlan.LumaB * p[2];
                luma[1 + c] = l;
                r += p[0];
                gr += p[1];
                b += p[2];
                y += l;
                yy += (long)l * l;
                if (l < plan.DarkLuma)
                    dark++;
            }
            if (sums != null)
            {
                var s = sums + j * FeaturePlan.LongSlots;
                s[0] += r;
                s[1] += gr;
                s[2] += b;
                s[3] += y;
                s[4] += yy;
                s[5] += dark;
            }
        }
        luma[0] = luma[1];
        for (var k = width + 1; k < width + 2 + 2 * Vector256<int>.Count; k++)
            luma[k] = luma[width];
    }
}
