using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server on raw sockets, for answers a well-behaved server cannot give: a body
/// that never ends, a gigabyte streamed in chunks. It reads each request's head and body, records
/// the body, then lets the test write the answer to the socket.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, CancellationToken, Task> _answer;
    private readonly CancellationTokenSource _stop = new();

    public RawHttpServer(Func<Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The bodies of the requests received so far.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>Writes an HTTP head with the given extra header lines.</summary>
    public static Task WriteHeadAsync(Stream stream, string statusLine, params string[] headers)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(statusLine).Append("\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
        return stream.WriteAsync(bytes, 0, bytes.Length);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                var stream = connection.GetStream();
                Bodies.Enqueue(await ReadRequestAsync(stream));
                await _answer(stream, _stop.Token);
            }
            catch (Exception)
            {
                // The client went away (timeout, cancellation, a size limit): that is what the tests provoke.
            }
        }
    }

    private static async Task<string> ReadRequestAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        var length = 0;
        foreach (var line in head.ToString().Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Encoding.UTF8.GetString(body, 0, read);
    }
}
