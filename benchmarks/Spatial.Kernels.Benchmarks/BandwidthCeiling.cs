using System.Numerics.Tensors;

namespace Spatial.Kernels.Benchmarks;

/// <summary>
/// The memory-bandwidth bound of a transform: measured read and write bandwidth of this machine (all cores),
/// and the images/s a transform would reach if it only read its input once and wrote its output once.
/// </summary>
internal static class BandwidthCeiling
{
    public static (double ReadBytesPerSecond, double WriteBytesPerSecond) Measure(IReadOnlyList<RgbImage> images, int outputFloats)
    {
        var sink = new float[Environment.ProcessorCount];
        var read = Throughput.ImagesPerSecond(images.Count, 0.5, 1.5, () =>
            Parallel.For(0, images.Count, i =>
            {
                var bytes = images[i].Pixels.Span;
                // Summing as ulongs touches every byte once with SIMD: a pure streaming read.
                var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes);
                sink[i % sink.Length] += (float)TensorPrimitives.Sum(System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, double>(words));
            })) * images[0].Pixels.Length;
        var target = new float[images.Count * outputFloats];
        var write = Throughput.ImagesPerSecond(images.Count, 0.5, 1.5, () =>
            Parallel.For(0, images.Count, i => target.AsSpan(i * outputFloats, outputFloats).Fill(i))) * outputFloats * sizeof(float);
        return (read, write);
    }

    public static double ImagesPerSecond(double inputBytes, double outputBytes, (double Read, double Write) bandwidth) =>
        1.0 / (inputBytes / bandwidth.Read + outputBytes / bandwidth.Write);
}
