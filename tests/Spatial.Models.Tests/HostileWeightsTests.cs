using System.Buffers.Binary;
using Spatial.Models.Safetensors;

namespace Spatial.Models.Tests;

/// <summary>Weights files built to break the reader: overflowing shapes, huge header claims, non-finite values.</summary>
public class HostileWeightsTests
{
    // Allocation budget of a refusal: the header and bookkeeping, never the file's claimed or actual size.
    private const long RefusalAllocationBudget = 1 << 20;

    private TempDirectory _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempDirectory();

    [TearDown]
    public void TearDown() => _root.Dispose();

    private static byte[] WithHeader(string json, int dataBytes) => SafetensorsBytes.WithHeader(json, dataBytes);

    /// <summary>A sparse file of <paramref name="length"/> bytes starting with <paramref name="prefix"/> (no disk is used for the rest).</summary>
    private string SparseFile(byte[] prefix, long length)
    {
        var path = _root.Combine("hostile.safetensors");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.Write(prefix);
        stream.SetLength(length);
        return path;
    }

    private static (T Result, long Allocated) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Test]
    public void ShapeWhoseElementCountWrapsAroundIsRejectedNamingTheShape()
    {
        // 4611686018427387905 * 4 elements wraps to 4 in 64 bits: 16 bytes of F32 would match the offsets.
        var bytes = WithHeader("""{"a":{"dtype":"F32","shape":[4611686018427387905,4],"data_offsets":[0,16]}}""", 16);
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes))!;
        Assert.That(error.Message, Is.EqualTo("tensor 'a': shape [4611686018427387905, 4] has more elements than a 64-bit count holds"));
    }

    [Test]
    public void ShapeWhoseElementCountWrapsToZeroIsRejectedNamingTheShape()
    {
        var bytes = WithHeader("""{"a":{"dtype":"F32","shape":[1099511627776,1099511627776],"data_offsets":[0,0]}}""", 0);
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes))!;
        Assert.That(error.Message, Is.EqualTo("tensor 'a': shape [1099511627776, 1099511627776] has more elements than a 64-bit count holds"));
    }

    [Test]
    public void HugeHeaderClaimIsRefusedWithoutReadingTheFile()
    {
        var prefix = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, 1UL << 40);
        var path = SparseFile(prefix, 256L << 20);
        var (error, allocated) = Measure(() => Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Read(path))!);
        Assert.That(error.Message, Is.EqualTo("header of 1099511627776 bytes exceeds the 100000000-byte limit"));
        Assert.That(allocated, Is.LessThan(RefusalAllocationBudget));
    }

    [Test]
    public void HeaderLongerThanTheFileIsRefusedWithoutReadingIt()
    {
        var prefix = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, 90_000_000);
        var path = SparseFile(prefix, 4096);
        var (error, allocated) = Measure(() => Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Read(path))!);
        Assert.That(error.Message, Is.EqualTo("truncated: header claims 90000000 bytes but only 4088 follow"));
        Assert.That(allocated, Is.LessThan(RefusalAllocationBudget));
    }

    [Test]
    public void DataSectionLargerThanTheDeclaredTensorsIsRefusedBeforeItIsRead()
    {
        var header = WithHeader("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 4);
        var path = SparseFile(header, 128L << 20);
        var (error, allocated) = Measure(() => Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Read(path))!);
        Assert.That(error.Message, Does.EndWith("trailing bytes after the last tensor"));
        Assert.That(allocated, Is.LessThan(RefusalAllocationBudget));
    }

    [Test]
    public void ReadReturnsTheSameTensorsAsParse()
    {
        var bytes = SafetensorsWriter.ToBytes([new Float32Tensor("w", [2, 2], [1, 2, 3, 4])]);
        var path = _root.Combine("w.safetensors");
        File.WriteAllBytes(path, bytes);
        Assert.That(SafetensorsFile.Read(path).GetFloat32("w"), Is.EqualTo(new float[] { 1, 2, 3, 4 }));
    }
}
