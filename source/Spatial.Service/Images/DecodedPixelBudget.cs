using System.Diagnostics;
using Microsoft.Extensions.Options;
using Spatial.Service.Options;

namespace Spatial.Service.Images;

/// <summary>
/// How many decoded pixels all requests together may hold at once (<see cref="LimitsOptions.MaxDecodedPixelsInFlight"/>).
/// Decoding costs about 7 bytes per pixel (RGBA from the codec, then RGB until the forward pass), so this bounds the
/// memory that concurrent uploads of large images can claim. A request reserves its pixels before decoding and returns
/// them when its response is ready; one that cannot reserve within the wait is refused, to retry later. A request
/// larger than a quarter of the budget may fill only three quarters of it, so large uploads queue among themselves
/// while ordinary images always find room.
/// </summary>
public sealed class DecodedPixelBudget(IOptions<LimitsOptions> options)
{
    // A waiter looks again at least this often, in case a release signal went to another waiter.
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    private readonly long _capacity = options.Value.MaxDecodedPixelsInFlight;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _released = new(0);
    private long _reserved;

    /// <summary>Pixels reserved right now.</summary>
    public long Reserved
    {
        get
        {
            lock (_gate)
                return _reserved;
        }
    }

    /// <summary>Reserves <paramref name="pixels"/>, waiting up to <paramref name="wait"/>; null when the budget stayed too full.</summary>
    public async Task<IDisposable?> TryReserveAsync(long pixels, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixels, CeilingFor(pixels, _capacity));
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            lock (_gate)
            {
                if (_reserved + pixels <= CeilingFor(pixels, _capacity))
                {
                    _reserved += pixels;
                    return new Reservation(this, pixels);
                }
            }
            var left = wait - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
                return null;
            await _released.WaitAsync(left < Recheck ? left : Recheck, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The most a request of <paramref name="pixels"/> may bring the reserved total to.</summary>
    public static long CeilingFor(long pixels, long capacity) => pixels > capacity / 4 ? capacity - capacity / 4 : capacity;

    private void Release(long pixels)
    {
        lock (_gate)
            _reserved -= pixels;
        // One pending signal is enough (waiters also recheck on their own); an unbounded count would overflow in a long-running service.
        if (_released.CurrentCount == 0)
            _released.Release();
    }

    private sealed class Reservation(DecodedPixelBudget budget, long pixels) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                budget.Release(pixels);
        }
    }
}
