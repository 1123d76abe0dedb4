using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;

namespace Spatial.Kernels.Ilgpu;

/// <summary>
/// A device buffer kept between calls and grown on demand: allocating (and, on the CPU accelerator, first touching)
/// tens of megabytes per call costs as much as the kernel. Not thread-safe: the backend serialises calls.
/// </summary>
internal sealed class ReusableBuffer<T>(Accelerator accelerator) : IDisposable where T : unmanaged
{
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    /// <summary>A view of the first <paramref name="length"/> elements (at least one), growing the buffer if needed.</summary>
    public ArrayView<T> View(long length)
    {
        length = Math.Max(1, length);
        if (_buffer is null || _buffer.Length < length)
        {
            _buffer?.Dispose();
            _buffer = null;
            _buffer = accelerator.Allocate1D<T>(length);
        }
        return _buffer.View.SubView(0, length);
    }

    /// <summary>Host address of the buffer's first element; meaningful on the CPU accelerator only, where device memory is host memory.</summary>
    public nint HostAddress => _buffer?.NativePtr ?? 0;

    /// <summary>Copies <paramref name="data"/> to the start of the buffer and returns a view of exactly that length (at least one element).</summary>
    public unsafe ArrayView<T> Upload(ReadOnlySpan<T> data)
    {
        var view = View(data.Length);
        // ILGPU's copy takes the address of pinned memory: unpinned, a garbage collection during the copy moves the source.
        if (!data.IsEmpty)
            fixed (T* source = data)
                view.SubView(0, data.Length).CopyFromCPU(ref *source, data.Length);
        return view;
    }

    public void Dispose() => _buffer?.Dispose();
}
