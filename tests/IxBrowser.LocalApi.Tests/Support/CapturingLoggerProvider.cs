using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>Keeps every log event, with its structured state, so tests can read what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public IReadOnlyList<LogEvent> Named(string eventName) => Events.Where(e => e.EventId.Name == eventName).ToList();

    /// <summary>Everything a log sink could write: message, state values and exception text.</summary>
    public string AllText() => string.Join("\n", Events.Select(e => e.FullText));

    public void Dispose()
    {
    }

    public sealed record LogEvent(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State, Exception? Exception)
    {
        public string FullText => $"{Category} {Level} {EventId.Name}: {Message} | {string.Join(", ", State.Select(kv => kv.Key + "=" + kv.Value))} | {Exception}";
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            provider.Events.Enqueue(new LogEvent(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
