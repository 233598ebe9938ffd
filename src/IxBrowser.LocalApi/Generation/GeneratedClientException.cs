using System;
using System.Collections.Generic;

namespace IxBrowser.LocalApi;

// Stands in for NSwag's ApiException (generateExceptionClasses is off in nswag.json) so that the
// generator's exception stays internal: IxBrowserClient turns it into an IxBrowserProtocolException
// and it never reaches callers. Unlike NSwag's, its Message never contains the body.
internal sealed class GeneratedClientException : Exception
{
    public GeneratedClientException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
    }

    public int StatusCode { get; }

    public string? Response { get; }

    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
