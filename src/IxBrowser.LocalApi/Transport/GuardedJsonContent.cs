using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Transport;

/// <summary>
/// A JSON body that can only go to the address it was written for. An HttpClient that follows a 307
/// or 308 re-sends the same content to the <c>Location</c> host; the handler changes the request's
/// URI before it writes the body again, so this content refuses at that point and the body (proxy
/// passwords, extraction links) never leaves for the other host.
/// </summary>
internal sealed class GuardedJsonContent : HttpContent
{
    private readonly byte[] _body;
    private readonly HttpRequestMessage _message;
    private readonly Uri _destination;

    public GuardedJsonContent(byte[] body, HttpRequestMessage message, Uri destination)
    {
        _body = body;
        _message = message;
        _destination = destination;
        Headers.TryAddWithoutValidation("Content-Type", "application/json");
    }

    /// <summary>Whether the handler tried to send the body somewhere else (a followed redirect).</summary>
    public bool Redirected => _message.RequestUri != _destination;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        if (Redirected)
        {
            throw new RedirectRefusedException(_message.RequestUri);
        }

        return stream.WriteAsync(_body, 0, _body.Length);
    }

#if NET5_0_OR_GREATER
    protected override void SerializeToStream(Stream stream, TransportContext? context, System.Threading.CancellationToken cancellationToken)
    {
        if (Redirected)
        {
            throw new RedirectRefusedException(_message.RequestUri);
        }

        stream.Write(_body, 0, _body.Length);
    }
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
