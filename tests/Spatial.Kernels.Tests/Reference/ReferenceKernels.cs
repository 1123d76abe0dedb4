namespace Spatial.Kernels.Tests.Reference;

/// <summary>
/// Plain, unoptimised implementations of every kernel written from the definitions (double precision,
/// one output at a time), independent of the library's planning code. Backends are checked against these.
/// </summary>
internal static class ReferenceKernels
{
    public static float[] Preprocess(IReadOnlyList<RgbImage> images, PreprocessSpec spec)
    {
        int w = spec.Width, h = spec.Height;
        var output = new float[images.Count * 3 * w * h];
        for (var n = 0; n < images.Count; n++)
        {
            var image = images[n];
            var p = image.Pixels.ToArray();
            var (cx, cy, cw, ch) = Crop(image.Width, image.Height, w, h, spec.CenterCrop);
            for (var y = 0; y < h; y++)
            {
                var (y0, y1, fy) = Tap(y, ch, h);
                for (var x = 0; x < w; x++)
                {
                    var (x0, x1, fx) = Tap(x, cw, w);
                    for (var c = 0; c < 3; c++)
                    {
                        double At(int yy, int xx) => p[((cy + yy) * image.Width + cx + xx) * 3 + c];
                        var top = At(y0, x0) * (1 - fx) + At(y0, x1) * fx;
                        var bottom = At(y1, x0) * (1 - fx) + At(y1, x1) * fx;
                        var value = top * (1 - fy) + bottom * fy;
                        output[((n * 3 + c) * h + y) * w + x] = (float)((value / 255.0 - spec.Mean[c]) / spec.Std[c]);
                    }
                }
            }
        }
        return output;
    }

    /// <summary>OpenCV INTER_LINEAR: source = (d + 0.5) * scale - 0.5, clamped to the edge.</summary>
    private static (int, int, double) Tap(int d, int source, int destination)
    {
        var position = (d + 0.5) * source / destination - 0.5;
        var s0 = (int)Math.Floor(position);
        var f = position - s0;
        if (s0 < 0)
            (s0, f) = (0, 0);
        if (s0 >= source - 1)
            (s0, f) = (source - 1, 0);
        return (s0, Math.Min(s0 + 1, source - 1), f);
    }

    private static (int, int, int, int) Crop(int width, int height, int outWidth, int outHeight, bool crop)
    {
        if (!crop)
            return (0, 0, width, height);
        var sourceAspect = (double)width / height;
        var targetAspect = (double)outWidth / outHeight;
        if (sourceAspect > targetAspect)
        {
            var cw = (int)Math.Clamp(Math.Round(height * targetAspect), 1, width);
            return ((width - cw) / 2, 0, cw, height);
        }
        var ch = (int)Math.Clamp(Math.Round(width / targetAspect), 1, height);
        return (0, (height - ch) / 2, width, ch);
    }

    public static float[] SpatialFeatures(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec)
    {
        int g = spec.GridSize, bins = spec.OrientationBins, f = spec.FeatureCount;
        var output = new float[images.Count * g * g * f];
        for (var n = 0; n < images.Count; n++)
        {
            var image = images[n];
            var p = image.Pixels.ToArray();
            int width = image.Width, height = image.Height;
            var luma = new double[width * height];
            for (var i = 0; i < luma.Length; i++)
                luma[i] = (77 * p[i * 3] + 150 * p[i * 3 + 1] + 29 * p[i * 3 + 2]) / 65280.0;
            double L(int y, int x) => luma[Math.Clamp(y, 0, height - 1) * width + Math.Clamp(x, 0, width - 1)];
            for (var pi = 0; pi < g; pi++)
            {
                for (var pj = 0; pj < g; pj++)
                {
                    int y0 = pi * height / g, y1 = Math.Max(y0 + 1, (pi + 1) * height / g);
                    int x0 = pj * width / g, x1 = Math.Max(x0 + 1, (pj + 1) * width / g);
                    double count = (y1 - y0) * (x1 - x0), r = 0, gr = 0, b = 0, sum = 0, sumSquares = 0, dark = 0, gradient = 0;
                    var histogram = new double[bins];
                    for (var y = y0; y < y1; y++)
                    {
                        for (var x = x0; x < x1; x++)
                        {
                            var o = (y * width + x) * 3;
                            r += p[o];
                            gr += p[o + 1];
                            b += p[o + 2];
                            var l = L(y, x);
                            sum += l;
                            sumSquares += l * l;
                            if (l * 65280 < spec.DarkThreshold * 65280.0)
                                dark++;
                            var gx = (L(y - 1, x + 1) + 2 * L(y, x + 1) + L(y + 1, x + 1) - L(y - 1, x - 1) - 2 * L(y, x - 1) - L(y + 1, x - 1)) / 4;
                            var gy = (L(y + 1, x - 1) + 2 * L(y + 1, x) + L(y + 1, x + 1) - L(y - 1, x - 1) - 2 * L(y - 1, x) - L(y - 1, x + 1)) / 4;
                            var m = Math.Sqrt(gx * gx + gy * gy);
                            gradient += m;
                            if (m > 0)
                            {
                                var theta = Math.Atan2(gy, gx);
                                if (theta < 0)
                                    theta += Math.PI;
                                var position = theta * bins / Math.PI - 0.5;
                                var k0 = (int)Math.Floor(position);
                                var frac = position - k0;
                                histogram[((k0 % bins) + bins) % bins] += m * (1 - frac);
                                histogram[(k0 + 1) % bins] += m * frac;
                            }
                        }
                    }
                    var mean = sum / count;
                    var features = output.AsSpan(((n * g + pi) * g + pj) * f, f);
                    features[0] = (float)(r / 255 / count);
                    features[1] = (float)(gr / 255 / count);
                    features[2] = (float)(b / 255 / count);
                    features[3] = (float)Math.Sqrt(Math.Max(0, sumSquares / count - mean * mean));
                    features[4] = (float)(gradient / count);
                    features[5] = (float)(dark / count);
                    double u = (pj + 0.5) / g * 2 - 1, v = (pi + 0.5) / g * 2 - 1, radius = Math.Sqrt(u * u + v * v);
                    features[6] = (float)(radius / Math.Sqrt(2));
                    features[7] = radius > 0 ? (float)(u / radius) : 0;
                    features[8] = radius > 0 ? (float)(v / radius) : 0;
                    for (var k = 0; k < bins; k++)
                        features[9 + k] = (float)(histogram[k] / count);
                }
            }
        }
        return output;
    }

    public static float[] Conv2d(float[] input, Conv2dShape s, float[] weights, float[] bias)
    {
        var output = new float[s.Batch * s.OutChannels * s.OutHeight * s.OutWidth];
        for (var n = 0; n < s.Batch; n++)
        for (var co = 0; co < s.OutChannels; co++)
        for (var oy = 0; oy < s.OutHeight; oy++)
        for (var ox = 0; ox < s.OutWidth; ox++)
        {
            double acc = bias[co];
            for (var ci = 0; ci < s.InChannels; ci++)
            for (var ky = 0; ky < s.KernelSize; ky++)
            for (var kx = 0; kx < s.KernelSize; kx++)
            {
                int iy = oy * s.Stride - s.Padding + ky, ix = ox * s.Stride - s.Padding + kx;
                if (iy < 0 || iy >= s.Height || ix < 0 || ix >= s.Width)
                    continue;
                acc += (double)weights[((co * s.InChannels + ci) * s.KernelSize + ky) * s.KernelSize + kx] * input[((n * s.InChannels + ci) * s.Height + iy) * s.Width + ix];
            }
            output[((n * s.OutChannels + co) * s.OutHeight + oy) * s.OutWidth + ox] = (float)(s.Relu ? Math.Max(0, acc) : acc);
        }
        return output;
    }

    public static float[] GlobalAveragePool(float[] input, int batch, int channels, int height, int width)
    {
        var output = new float[batch * channels];
        for (var i = 0; i < output.Length; i++)
        {
            double sum = 0;
            for (var k = 0; k < height * width; k++)
                sum += input[i * height * width + k];
            output[i] = (float)(sum / (height * width));
        }
        return output;
    }

    public static float[] Dense(float[] input, int batch, int inFeatures, int outFeatures, float[] weights, float[] bias, bool relu)
    {
        var output = new float[batch * outFeatures];
        for (var n = 0; n < batch; n++)
        for (var o = 0; o < outFeatures; o++)
        {
            double acc = bias[o];
            for (var i = 0; i < inFeatures; i++)
                acc += (double)input[n * inFeatures + i] * weights[o * inFeatures + i];
            output[n * outFeatures + o] = (float)(relu ? Math.Max(0, acc) : acc);
        }
        return output;
    }

    public static float[] Softmax(float[] input, int batch, int classes)
    {
        var output = new float[batch * classes];
        for (var n = 0; n < batch; n++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
                max = Math.Max(max, input[n * classes + c]);
            double sum = 0;
            for (var c = 0; c < classes; c++)
                sum += Math.Exp(input[n * classes + c] - max);
            for (var c = 0; c < classes; c++)
                output[n * classes + c] = (float)(Math.Exp(input[n * classes + c] - max) / sum);
        }
        return output;
    }
}
