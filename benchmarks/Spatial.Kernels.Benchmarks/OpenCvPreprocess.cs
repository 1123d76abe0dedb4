using OpenCvSharp;

namespace Spatial.Kernels.Benchmarks;

/// <summary>
/// The OpenCV baseline: centre crop, Cv2.Resize (INTER_LINEAR), split, then normalise each plane into the planar output.
/// Images run in parallel, one per core, so OpenCV's own threading is switched off: two levels of threads competing for
/// the same cores would make the baseline slower than OpenCV at its best.
/// </summary>
internal static unsafe class OpenCvPreprocess
{
    /// <summary>Loads OpenCV's native library and sets it single-threaded; null when it loads, else the one-line reason it does not.</summary>
    public static string? Unavailable()
    {
        try
        {
            Cv2.SetNumThreads(1);
            return null;
        }
        catch (Exception e) when (MissingNativeLibrary(e) is { } missing)
        {
            return missing.Message.Split('\n')[0];
        }
    }

    /// <summary>The load failure inside <paramref name="e"/> (also when Parallel.For wrapped it in an AggregateException), or null.</summary>
    public static Exception? MissingNativeLibrary(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(MissingNativeLibrary).FirstOrDefault(inner => inner is not null),
        TypeInitializationException { InnerException: { } inner } => MissingNativeLibrary(inner) ?? inner,
        DllNotFoundException or EntryPointNotFoundException or BadImageFormatException => e,
        _ => null,
    };

    public static void Run(IReadOnlyList<RgbImage> images, PreprocessSpec spec, float[] output)
    {
        var plane = spec.Width * spec.Height;
        Parallel.For(0, images.Count, i =>
        {
            var image = images[i];
            fixed (byte* pixels = image.Pixels.Span)
            fixed (float* target = &output[i * 3 * plane])
            {
                using var source = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC3, (nint)pixels);
                var (x, y, w, h) = Crop(image.Width, image.Height, spec);
                using var roi = new Mat(source, new Rect(x, y, w, h));
                using var resized = new Mat();
                Cv2.Resize(roi, resized, new Size(spec.Width, spec.Height), 0, 0, InterpolationFlags.Linear);
                var channels = Cv2.Split(resized);
                for (var c = 0; c < 3; c++)
                {
                    using var destination = Mat.FromPixelData(spec.Height, spec.Width, MatType.CV_32FC1, (nint)(target + c * plane));
                    channels[c].ConvertTo(destination, MatType.CV_32FC1, 1.0 / (255.0 * spec.Std[c]), -spec.Mean[c] / spec.Std[c]);
                    channels[c].Dispose();
                }
            }
        });
    }

    private static (int, int, int, int) Crop(int width, int height, PreprocessSpec spec)
    {
        if (!spec.CenterCrop)
            return (0, 0, width, height);
        if ((long)width * spec.Height > (long)height * spec.Width)
        {
            var w = (int)Math.Clamp(Math.Round((double)height * spec.Width / spec.Height), 1, width);
            return ((width - w) / 2, 0, w, height);
        }
        var h = (int)Math.Clamp(Math.Round((double)width * spec.Height / spec.Width), 1, height);
        return (0, (height - h) / 2, width, h);
    }
}
