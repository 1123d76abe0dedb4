using Spatial.Build;
using Spatial.Build.IO;

/// <summary>Where stages write the reports that CI uploads and later stages read.</summary>
interface IHazReports : INukeBuild
{
    /// <summary>Relative to the repository root, as <c>Produces</c> wants it.</summary>
    const string ReportsFolder = ".nuke/temp/reports";

    AbsolutePath ReportsDirectory => RootDirectory / ReportsFolder;
}
