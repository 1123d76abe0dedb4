namespace Spatial.Models.Registry;

/// <summary>What a model archive may hold; an import refuses anything beyond, before or while extracting it.</summary>
public sealed record ArchiveLimits
{
    /// <summary>The limits <see cref="ModelArchive.Import"/> applies when given none.</summary>
    public static ArchiveLimits Default { get; } = new();

    /// <summary>Most entries (a package is a manifest and a few artifacts, plus two metadata entries).</summary>
    public int MaxEntries { get; init; } = 64;

    /// <summary>Largest uncompressed entry.</summary>
    public long MaxEntryBytes { get; init; } = 512L << 20;

    /// <summary>Largest uncompressed total of all entries.</summary>
    public long MaxTotalBytes { get; init; } = 1L << 30;

    /// <summary>Largest checksum list, registry entry or manifest (read into memory).</summary>
    public int MaxMetadataBytes { get; init; } = 1 << 20;
}
