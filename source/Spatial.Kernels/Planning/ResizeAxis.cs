namespace Spatial.Kernels.Planning;

/// <summary>
/// Source taps and weights for one axis of a bilinear resize with half-pixel centres, as OpenCV's
/// INTER_LINEAR computes them (clamped at the borders). Every backend uses these same tables, which keeps them in step.
/// </summary>
internal static class ResizeAxis
{
    /// <summary>Fills taps for resizing source positions [offset, offset+sourceLength) to destination.Length samples.</summary>
    public static void Fill(int sourceLength, int offset, Span<int> index0, Span<int> index1, Span<float> weight1)
    {
        var destinationLength = index0.Length;
        var scale = (double)sourceLength / destinationLength;
        for (var d = 0; d < destinationLength; d++)
        {
            var position = (d + 0.5) * scale - 0.5;
            var s0 = (int)Math.Floor(position);
            var fraction = (float)(position - s0);
            if (s0 < 0)
            {
                s0 = 0;
                fraction = 0f;
            }
            if (s0 >= sourceLength - 1)
            {
                s0 = sourceLength - 1;
                fraction = 0f;
            }
            index0[d] = offset + s0;
            index1[d] = offset + Math.Min(s0 + 1, sourceLength - 1);
            weight1[d] = fraction;
        }
    }

    /// <summary>The centred crop (offset, length) of one axis pair so the region has the output's aspect ratio.</summary>
    public static (int X, int Y, int Width, int Height) CenterCrop(int width, int height, int outWidth, int outHeight, bool crop)
    {
        if (!crop)
            return (0, 0, width, height);
        // Compare aspect ratios exactly in integers; round the cropped side to the nearest pixel.
        if ((long)width * outHeight > (long)height * outWidth)
        {
            var w = (int)Math.Clamp(Math.Round((double)height * outWidth / outHeight), 1, width);
            return ((width - w) / 2, 0, w, height);
        }
        var h = (int)Math.Clamp(Math.Round((double)width * outHeight / outWidth), 1, height);
        return (0, (height - h) / 2, width, h);
    }
}
