using System;

namespace IxBrowser.LocalApi;

/// <summary>
/// The answer was not a well-formed envelope of the local API: a status other than 200, HTML,
/// an empty or truncated body, or an envelope of the wrong shape. Usually another program holds
/// the port, or ixBrowser is starting or failing.
/// </summary>
public class IxBrowserProtocolException : IxBrowserException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="message">What was wrong, with the status and a short excerpt.</param>
    /// <param name="statusCode">The HTTP status code of the answer.</param>
    /// <param name="responseExcerpt">The first characters of the body, secrets of the request removed.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public IxBrowserProtocolException(string operation, string message, int statusCode, string responseExcerpt, Exception? innerException = null)
        : base(operation, message, innerException)
    {
        StatusCode = statusCode;
        ResponseExcerpt = responseExcerpt;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The first characters of the body (at most 200), with the request's secrets removed.</summary>
    public string ResponseExcerpt { get; }
}
