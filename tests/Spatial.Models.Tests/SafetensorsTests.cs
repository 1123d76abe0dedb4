using System.Buffers.Binary;
using Spatial.Models.Safetensors;

namespace Spatial.Models.Tests;

public class SafetensorsTests
{
    private static byte[] Sample() => SafetensorsWriter.ToBytes(
    [
        new Float32Tensor("b.bias", [2], [1.5f, -2f]),
        new Float32Tensor("a.weight", [2, 3], [1, 2, 3, 4, 5, 6]),
    ], new Dictionary<string, string> { ["format"] = "pt" });

    private static byte[] WithHeader(string json, int dataBytes) => SafetensorsBytes.WithHeader(json, dataBytes);

    [Test]
    public void RoundTripKeepsValuesShapesAndMetadata()
    {
        var file = SafetensorsFile.Parse(Sample());
        Assert.That(file.GetFloat32("a.weight"), Is.EqualTo(new float[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(file.GetFloat32("b.bias"), Is.EqualTo(new[] { 1.5f, -2f }));
        Assert.That(file.Tensors["a.weight"].Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(file.Metadata["format"], Is.EqualTo("pt"));
    }

    [Test]
    public void WriterIsByteForByteDeterministicAndAlignsData()
    {
        var bytes = Sample();
        Assert.That(Sample(), Is.EqualTo(bytes));
        Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(bytes) % 8, Is.Zero);
    }

    [Test]
    public void TruncatedFileIsRejected()
    {
        var bytes = Sample();
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes[..^4]));
        Assert.That(error!.Message, Does.Contain("run past"));
        Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes[..5]));
        Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes[..20]));
    }

    [Test]
    public void OversizedHeaderIsRejectedBeforeReadingIt()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 200_000_000);
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes));
        Assert.That(error!.Message, Does.Contain("exceeds"));
        Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(Sample(), maxHeaderBytes: 16));
    }

    [Test]
    public void OverlappingTensorsAreRejected()
    {
        var bytes = WithHeader("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12);
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes))!.Message, Does.Contain("overlap"));
    }

    [Test]
    public void OutOfRangeOffsetsAreRejected()
    {
        var bytes = WithHeader("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8);
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes))!.Message, Does.Contain("run past"));
    }

    [Test]
    public void ShapeThatDisagreesWithOffsetsIsRejected()
    {
        var bytes = WithHeader("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8);
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes))!.Message, Does.Contain("needs 12 bytes"));
    }

    [Test]
    public void UnknownDtypeGapsTrailingBytesAndBadJsonAreRejected()
    {
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(
            WithHeader("""{"a":{"dtype":"F13","shape":[1],"data_offsets":[0,4]}}""", 4)))!.Message, Does.Contain("unknown dtype"));
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(
            WithHeader("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8)))!.Message, Does.Contain("gap"));
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(
            WithHeader("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 8)))!.Message, Does.Contain("trailing"));
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(
            WithHeader("""{"a":{"dtype":"F32",""", 0)))!.Message, Does.Contain("not valid JSON"));
        Assert.That(Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(
            WithHeader("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8)))!.Message, Does.Contain("twice"));
    }

    [Test]
    public void ReadingANonF32TensorAsFloatIsRefused()
    {
        var file = SafetensorsFile.Parse(WithHeader("""{"a":{"dtype":"I32","shape":[1],"data_offsets":[0,4]}}""", 4));
        Assert.Throws<SafetensorsFormatException>(() => file.GetFloat32("a"));
    }
}
