using System.Diagnostics;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Ilgpu;

/// <summary>
/// The ILGPU backend: the same kernels on CUDA (JIT-compiled to PTX) or on ILGPU's CPU accelerator (the
/// parity and debugging backend). Kernels are loaded once, at construction, and reused; the load time is kept
/// in <see cref="KernelLoadTime"/>. Calls are serialised: one accelerator stream per backend.
/// </summary>
public sealed class IlgpuKernelBackend : IKernelBackend
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly object _gate = new();
    private readonly int _groupSize;
    private readonly int _maxGroups;
    private readonly bool _isCpu;
    private readonly ReusableBuffer<byte> _pixels;
    private readonly ReusableBuffer<ColumnTap> _columns;
    private readonly ReusableBuffer<RowTap> _rows;
    private readonly ReusableBuffer<float> _preprocessed;
    private readonly ReusableBuffer<int> _claimedItems;

    private readonly Action<KernelConfig, PreprocessArgs, ArrayView<ulong>, ArrayView<ColumnTap>, ArrayView<RowTap>, ArrayView<float>, ArrayView<ulong>, ArrayView<ColumnTapQuad>, ArrayView<OutputQuad>, ArrayView<int>> _preprocess;
    private readonly Action<KernelConfig, FeatureArgs, ArrayView<byte>, ArrayView<long>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<float>> _featureRows;
    private readonly Action<KernelConfig, FeatureArgs, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _featurePatches;
    private readonly Action<KernelConfig, ConvArgs, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _conv2d;
    private readonly Action<KernelConfig, OpArgs, ArrayView<float>, ArrayView<float>> _pool;
    private readonly Action<KernelConfig, OpArgs, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _dense;
    private readonly Action<KernelConfig, OpArgs, ArrayView<float>, ArrayView<float>> _softmax;

    private IlgpuKernelBackend(Context context, Accelerator accelerator, AcceleratorChoice kind, AcceleratorDescription device)
    {
        _context = context;
        _accelerator = accelerator;
        Kind = kind;
        Device = device;
        _isCpu = accelerator.AcceleratorType == AcceleratorType.CPU;
        _pixels = new ReusableBuffer<byte>(accelerator);
        _columns = new ReusableBuffer<ColumnTap>(accelerator);
        _rows = new ReusableBuffer<RowTap>(accelerator);
        _preprocessed = new ReusableBuffer<float>(accelerator);
        _claimedItems = new ReusableBuffer<int>(accelerator);
        // CPU: one group per simulated multiprocessor (a warp of two OS threads), so there is exactly one thread per core
        // and each walks its share with the grid-stride loop.
        _groupSize = _isCpu ? accelerator.MaxNumThreadsPerGroup : Math.Min(256, accelerator.MaxNumThreadsPerGroup);
        _maxGroups = _isCpu ? accelerator.NumMultiprocessors : accelerator.NumMultiprocessors * 16;
        var clock = Stopwatch.StartNew();
        _preprocess = accelerator.LoadStreamKernel<PreprocessArgs, ArrayView<ulong>, ArrayView<ColumnTap>, ArrayView<RowTap>, ArrayView<float>, ArrayView<ulong>, ArrayView<ColumnTapQuad>, ArrayView<OutputQuad>, ArrayView<int>>(IlgpuKernels.Preprocess);
        _featureRows = accelerator.LoadStreamKernel<FeatureArgs, ArrayView<byte>, ArrayView<long>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<float>>(IlgpuKernels.FeatureRows);
        _featurePatches = accelerator.LoadStreamKernel<FeatureArgs, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(IlgpuKernels.FeaturePatches);
        _conv2d = accelerator.LoadStreamKernel<ConvArgs, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(IlgpuKernels.Conv2d);
        _pool = accelerator.LoadStreamKernel<OpArgs, ArrayView<float>, ArrayView<float>>(IlgpuKernels.GlobalAveragePool);
        _dense = accelerator.LoadStreamKernel<OpArgs, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(IlgpuKernels.Dense);
        _softmax = accelerator.LoadStreamKernel<OpArgs, ArrayView<float>, ArrayView<float>>(IlgpuKernels.Softmax);
        KernelLoadTime = clock.Elapsed;
    }

    /// <summary>ILGPU's CPU accelerator with one thread per core (or <paramref name="threads"/>).</summary>
    public static IlgpuKernelBackend CreateCpu(int? threads = null)
    {
        if (threads is < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), "must be at least 1");
        var count = threads ?? Environment.ProcessorCount;
        // ILGPU's smallest CPU warp is two threads: ceil(count / 2) multiprocessors of one two-thread warp each.
        var context = Context.Create(builder => builder.CPU(new CPUDevice(2, 1, (count + 1) / 2)).EnableAlgorithms());
        try
        {
            var accelerator = context.CreateCPUAccelerator(0);
            var device = AcceleratorCatalog.DescribeCpu(AcceleratorChoice.IlgpuCpu) with
            {
                WarpSize = accelerator.WarpSize, MaxGroupSize = accelerator.MaxNumThreadsPerGroup, ProcessorCount = accelerator.MaxNumThreads,
            };
            return new IlgpuKernelBackend(context, accelerator, AcceleratorChoice.IlgpuCpu, device);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The first CUDA device; throws <see cref="AcceleratorUnavailableException"/> when there is none.</summary>
    public static IlgpuKernelBackend CreateCuda()
    {
        if (!AcceleratorCatalog.HasCuda)
            throw new AcceleratorUnavailableException(AcceleratorChoice.Cuda,
                $"CUDA was requested but {AcceleratorCatalog.CudaProblem}; choose 'auto' or 'cpu' on machines without an NVIDIA GPU");
        var context = Context.Create(builder => builder.Cuda().EnableAlgorithms());
        try
        {
            var cuda = context.GetCudaDevice(0);
            var accelerator = cuda.CreateAccelerator(context);
            return new IlgpuKernelBackend(context, accelerator, AcceleratorChoice.Cuda, AcceleratorCatalog.DescribeCuda(cuda));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public AcceleratorChoice Kind { get; }

    /// <inheritdoc />
    public AcceleratorDescription Device { get; }

    /// <summary>Time spent loading (JIT-compiling) every kernel for this accelerator, once, at construction.</summary>
    public TimeSpan KernelLoadTime { get; }

    private KernelConfig Config(long items)
    {
        var groups = (int)Math.Clamp((items + _groupSize - 1) / _groupSize, 1, _maxGroups);
        return new KernelConfig(groups, _groupSize);
    }

    private unsafe MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        // A zero-length buffer is not allowed: keep one element so empty inputs still launch cleanly.
        var buffer = _accelerator.Allocate1D<T>(Math.Max(1, data.Length));
        // ILGPU's copies take the address of pinned memory (here and below): unpinned, a garbage collection moves it.
        if (!data.IsEmpty)
            fixed (T* source = data)
                buffer.View.SubView(0, data.Length).CopyFromCPU(ref *source, data.Length);
        return buffer;
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(long length) where T : unmanaged =>
        _accelerator.Allocate1D<T>(Math.Max(1, length));

    private static unsafe void Download(MemoryBuffer1D<float, Stride1D.Dense> buffer, Span<float> output)
    {
        if (!output.IsEmpty)
            fixed (float* target = output)
                buffer.View.SubView(0, output.Length).CopyToCPU(ref *target, output.Length);
    }

    /// <summary>Copies the images into the reused pixel buffer, each starting on an 8-byte boundary.</summary>
    private unsafe ArrayView<byte> UploadPixels(IReadOnlyList<RgbImage> images, out long[] offsets)
    {
        var layout = PreprocessTaps.Layout(images, out var total);
        offsets = layout;
        var view = _pixels.View(total);
        if (_isCpu)
        {
            // Device memory is host memory here: copy on every core instead of one memcpy after another.
            var target = _pixels.HostAddress;
            Parallel.For(0, images.Count, i =>
            {
                var pixels = images[i].Pixels.Span;
                fixed (byte* source = pixels)
                    Buffer.MemoryCopy(source, (byte*)target + layout[i], pixels.Length, pixels.Length);
            });
            return view;
        }
        for (var i = 0; i < images.Count; i++)
        {
            var pixels = images[i].Pixels.Span;
            fixed (byte* source = pixels)
                view.SubView(offsets[i], pixels.Length).CopyFromCPU(ref *source, pixels.Length);
        }
        return view;
    }

    /// <summary>Copies the rows and columns preprocessing taps into the reused pixel buffer.</summary>
    private unsafe ArrayView<byte> UploadTappedPixels(IReadOnlyList<RgbImage> images, TappedPixels tapped)
    {
        var view = _pixels.View(tapped.TotalBytes);
        if (_isCpu)
        {
            // Device memory is host memory here: compact straight into it.
            tapped.CopyTo(images, (byte*)_pixels.HostAddress);
            return view;
        }
        // Compact on the host, then one transfer.
        var staging = (byte*)NativeMemory.Alloc((nuint)tapped.TotalBytes);
        try
        {
            tapped.CopyTo(images, staging);
            view.CopyFromCPU(ref *staging, tapped.TotalBytes);
        }
        finally
        {
            NativeMemory.Free(staging);
        }
        return view;
    }

    /// <inheritdoc />
    public unsafe void Preprocess(IReadOnlyList<RgbImage> images, PreprocessSpec spec, Span<float> output)
    {
        var plan = PreprocessPlan.Create(images, spec, output.Length);
        if (plan.Batch == 0)
            return;
        lock (_gate)
        {
            var tapped = TappedPixels.Create(plan);
            var pixels = UploadTappedPixels(images, tapped);
            var columns = _columns.Upload(tapped.Columns(plan));
            var rows = _rows.Upload(tapped.Rows(plan));
            // A multiple of four floats, so the same buffer can also be viewed as pairs and quads.
            var result = _preprocessed.View((output.Length + 3) & ~3L);
            // A whole row per item on the CPU; one pixel per thread on a GPU so neighbouring threads write neighbouring floats.
            var chunk = _isCpu ? plan.Width : 1;
            // Four (or two) outputs per store on the CPU, where each view access is a checked call; needs the row width to divide.
            var storeWidth = !_isCpu ? 1 : plan.Width % 4 == 0 ? 4 : plan.Width % 2 == 0 ? 2 : 1;
            // Rows claimed from a shared counter on the CPU, so a descheduled thread's share is taken over by the others.
            var claim = _isCpu ? 1 : 0;
            var args = new PreprocessArgs(plan.Batch, plan.Width, plan.Height, chunk, storeWidth, claim,
                plan.Scale[0], plan.Scale[1], plan.Scale[2], plan.Bias[0], plan.Bias[1], plan.Bias[2]);
            var items = (long)plan.Batch * plan.Height * ((plan.Width + chunk - 1) / chunk);
            var claimed = _claimedItems.View(1);
            claimed.MemSetToZero();
            _preprocess(Config(items), args, pixels.Cast<ulong>(), columns, rows, result, result.Cast<ulong>(),
                columns.Cast<ColumnTapQuad>(), result.Cast<OutputQuad>(), claimed);
            _accelerator.Synchronize();
            fixed (float* target = output)
                result.SubView(0, output.Length).CopyToCPU(ref *target, output.Length);
        }
    }

    /// <inheritdoc />
    public void ExtractSpatialFeatures(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, Span<float> output)
    {
        var plan = FeaturePlan.Create(images, spec, output.Length);
        if (plan.Batch == 0)
            return;
        lock (_gate)
        {
            var pixels = UploadPixels(images, out var offsets);
            using var offsetBuffer = Upload<long>(offsets);
            using var widths = Upload<int>(plan.Widths);
            using var heights = Upload<int>(plan.Heights);
            using var rowBase = Upload<int>(plan.RowBase);
            using var rowImage = Upload<int>(plan.RowImage);
            using var polar = Upload<float>(plan.Polar);
            long slots = (long)plan.TotalRows * plan.Grid;
            using var longs = Allocate<long>(slots * FeaturePlan.LongSlots);
            using var floats = Allocate<float>(slots * plan.FloatSlots);
            using var result = Allocate<float>(output.Length);
            var args = new FeatureArgs(plan.Batch, plan.Grid, plan.Bins, plan.FeatureCount, plan.DarkLuma, plan.TotalRows);
            _featureRows(Config(slots), args, pixels, offsetBuffer.View, widths.View, heights.View, rowBase.View, rowImage.View, longs.View, floats.View);
            _featurePatches(Config((long)plan.Batch * plan.Grid * plan.Grid), args, widths.View, heights.View, rowBase.View, longs.View, floats.View, polar.View, result.View);
            _accelerator.Synchronize();
            Download(result, output);
        }
    }

    /// <inheritdoc />
    public void Conv2d(ReadOnlySpan<float> input, Conv2dShape shape, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output)
    {
        OpArguments.Conv2d(input.Length, shape, weights.Length, bias.Length, output.Length);
        if (output.IsEmpty)
            return;
        lock (_gate)
        {
            using var x = Upload(input);
            using var w = Upload(weights);
            using var b = Upload(bias);
            using var y = Allocate<float>(output.Length);
            var args = new ConvArgs(shape.Batch, shape.InChannels, shape.Height, shape.Width, shape.OutChannels, shape.KernelSize,
                shape.Stride, shape.Padding, shape.Relu ? 1 : 0, shape.OutHeight, shape.OutWidth);
            _conv2d(Config(output.Length), args, x.View, w.View, b.View, y.View);
            _accelerator.Synchronize();
            Download(y, output);
        }
    }

    /// <inheritdoc />
    public void GlobalAveragePool(ReadOnlySpan<float> input, int batch, int channels, int height, int width, Span<float> output)
    {
        OpArguments.Pool(input.Length, batch, channels, height, width, output.Length);
        if (output.IsEmpty)
            return;
        lock (_gate)
        {
            using var x = Upload(input);
            using var y = Allocate<float>(output.Length);
            _pool(Config(output.Length), new OpArgs(batch, channels, height * width, 0, 0), x.View, y.View);
            _accelerator.Synchronize();
            Download(y, output);
        }
    }

    /// <inheritdoc />
    public void Dense(ReadOnlySpan<float> input, int batch, int inFeatures, int outFeatures, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, bool relu, Span<float> output)
    {
        OpArguments.Dense(input.Length, batch, inFeatures, outFeatures, weights.Length, bias.Length, output.Length);
        if (output.IsEmpty)
            return;
        lock (_gate)
        {
            using var x = Upload(input);
            using var w = Upload(weights);
            using var b = Upload(bias);
            using var y = Allocate<float>(output.Length);
            _dense(Config(output.Length), new OpArgs(batch, inFeatures, outFeatures, 0, relu ? 1 : 0), x.View, w.View, b.View, y.View);
            _accelerator.Synchronize();
            Download(y, output);
        }
    }

    /// <inheritdoc />
    public void Softmax(ReadOnlySpan<float> input, int batch, int classes, Span<float> output)
    {
        OpArguments.Softmax(input.Length, batch, classes, output.Length);
        if (output.IsEmpty)
            return;
        lock (_gate)
        {
            using var x = Upload(input);
            using var y = Allocate<float>(output.Length);
            _softmax(Config(batch), new OpArgs(batch, classes, 0, 0, 0), x.View, y.View);
            _accelerator.Synchronize();
            Download(y, output);
        }
    }

    /// <summary>Releases the accelerator and its context.</summary>
    public void Dispose()
    {
        _pixels.Dispose();
        _columns.Dispose();
        _rows.Dispose();
        _preprocessed.Dispose();
        _claimedItems.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
