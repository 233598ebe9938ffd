using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Benchmarks.Server;

/// <summary>
/// Answers every request in memory with the documented success envelope for its path, after
/// draining the request body (so each contender still pays for serializing it). Without sockets,
/// what remains is the client's own cost, free of the loopback noise that dominates the Kestrel runs.
/// </summary>
public sealed class CannedEnvelopeHandler : HttpMessageHandler
{
    private static readonly byte[] ProxyUpdateSuccess = Encoding.UTF8.GetBytes("""{"error":{"code":0,"message":"success","time":1693464163},"data":1}""");
    private static readonly byte[] ExtractionSuccess = Encoding.UTF8.GetBytes("""{"error":{"code":0,"message":"success","time":1691131803},"data":"success"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var body = request.RequestUri!.AbsolutePath.EndsWith("/proxy-update", System.StringComparison.Ordinal) ? ProxyUpdateSuccess : ExtractionSuccess;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return response;
    }
}
