using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Transport;

/// <summary>
/// Reads an answer's body up to a size limit, honouring the token on every target framework
/// (netstandard2.0's ReadAsStringAsync takes none, so a body that never ends was read forever).
/// </summary>
internal static class BoundedBody
{
    private const int FirstBuffer = 4096;

    /// <summary>The body as text, or <see langword="null"/> when it is larger than <paramref name="limit"/> bytes (nothing more is read).</summary>
    /// <remarks>A ValueTask: the body is nearly always there at once, and a Task would be allocated for each answer.</remarks>
    public static async ValueTask<string?> ReadAsync(HttpResponseMessage answer, int limit, CancellationToken cancellationToken)
    {
        var declared = answer.Content.Headers.ContentLength;
        if (declared > limit)
        {
            return null;
        }

#if NET5_0_OR_GREATER
        using var stream = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await answer.Content.ReadAsStreamAsync().ConfigureAwait(false);

        // A stream of an older platform may ignore the token; closing the answer ends any pending read.
        using var closeOnCancel = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), answer);
#endif
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and <= int.MaxValue - 1 ? (int)declared.Value + 1 : FirstBuffer);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, limit);
                }

                int read;
                try
                {
#if NET5_0_OR_GREATER
                    read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                    read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                }
                catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                if (read == 0)
                {
                    return Decode(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Never more than one byte past the limit: that byte is enough to know the answer is too large.
    private static byte[] Grow(byte[] buffer, int length, int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    // The local API answers UTF-8 JSON; a byte-order mark is skipped as ReadAsStringAsync would.
    private static string Decode(byte[] buffer, int length)
    {
        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(buffer, start, length - start);
    }
}
