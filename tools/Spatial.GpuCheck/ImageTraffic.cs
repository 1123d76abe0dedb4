namespace Spatial.GpuCheck;

/// <summary>
/// Bytes one image moves through a kernel call: copied to the device, copied back, and the least the kernel must
/// touch in device memory (each input byte read once, each output byte written once).
/// </summary>
internal readonly record struct ImageTraffic(double UploadBytes, double DownloadBytes)
{
    public double DeviceBytes => UploadBytes + DownloadBytes;

    /// <summary>Images/s if the copies, one after the other as the backend makes them, ran at the assumed PCIe peak.</summary>
    public double PcieBoundImagesPerSecond => AssumedPeaks.PcieBytesPerSecondPerDirection / (UploadBytes + DownloadBytes);

    /// <summary>Fraction of the assumed HBM bandwidth that <paramref name="imagesPerSecond"/> uses at least.</summary>
    public double FractionOfHbm(double imagesPerSecond) => imagesPerSecond * DeviceBytes / AssumedPeaks.HbmBytesPerSecond;
}
