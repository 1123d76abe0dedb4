namespace Spatial.GpuCheck;

/// <summary>
/// The peak figures throughput is compared with, assumed for the GPU machine's NVIDIA H200 (SXM) from the vendor's
/// datasheet: HBM3e at 4.8 TB/s, and a PCIe 5.0 x16 link at 64 GB/s per direction. Printed on every run, so a figure
/// taken on another GPU says what it was measured against.
/// </summary>
internal static class AssumedPeaks
{
    public const string Device = "NVIDIA H200";

    public const double HbmBytesPerSecond = 4.8e12;

    public const double PcieBytesPerSecondPerDirection = 64e9;

    public static ReportLine ToLine() => new ReportLine("peaks").Add("assumed_for", Device)
        .Add("hbm_gb_per_s", HbmBytesPerSecond / 1e9, "0").Add("pcie_gb_per_s_per_direction", PcieBytesPerSecondPerDirection / 1e9, "0")
        .Add("source", "vendor datasheet: HBM3e 4.8 TB/s, PCIe 5.0 x16");
}
