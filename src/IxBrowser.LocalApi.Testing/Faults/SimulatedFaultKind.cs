namespace IxBrowser.LocalApi.Testing;

/// <summary>Ways an answer can break, for resilience tests. An injected fault replaces the call: the state does not change.</summary>
public enum SimulatedFaultKind
{
    /// <summary>HTTP 200 with <c>application/json</c> that is not JSON.</summary>
    MalformedJson = 1,

    /// <summary>HTTP 200 with an HTML page (a captive portal, another web server).</summary>
    Html = 2,

    /// <summary>HTTP 200 with an empty body.</summary>
    EmptyBody = 3,

    /// <summary>HTTP 200 with an envelope cut off halfway.</summary>
    TruncatedJson = 4,

    /// <summary>A non-200 status (the status code given when injecting) with an HTML body.</summary>
    HttpStatus = 5,

    /// <summary>The server closes the connection without a complete answer.</summary>
    DroppedConnection = 6,
}
