using System;

namespace IxBrowser.LocalApi.Transport;

/// <summary>Thrown inside the HTTP handler when it tries to send a body to a redirect's target; never reaches callers.</summary>
internal sealed class RedirectRefusedException(Uri? target)
    : InvalidOperationException($"The request body was not sent to {target}: the client never follows redirects.")
{
    public Uri? Target { get; } = target;
}
