using System;
using Microsoft.Extensions.Logging;

namespace IxBrowser.LocalApi.Demo;

/// <summary>
/// Shows the client's own log events in the demo: the request body as the library logs it at Debug
/// (secrets already masked by the library) and any retries.
/// </summary>
internal sealed class ConsoleRequestLog : ILogger<IxBrowserClient>
{
    /// <summary>Whether request bodies are shown; a bulk step turns them off and keeps its progress line readable.</summary>
    public bool ShowBodies { get; set; } = true;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        switch (eventId.Name)
        {
            case "RequestBody" when ShowBodies:
                var text = formatter(state, exception);
                Console.WriteLine("   sent:     " + text[(text.IndexOf(':', StringComparison.Ordinal) + 2)..]);
                break;
            case "Retrying":
                Console.WriteLine("   retry:    " + formatter(state, exception));
                break;
        }
    }
}
