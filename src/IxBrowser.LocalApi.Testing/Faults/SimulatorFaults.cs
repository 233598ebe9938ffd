using System;
using System.Collections.Generic;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Fault injection of an <see cref="IxBrowserSimulator"/>. Thread-safe; settings apply to the calls
/// that arrive after they are made. A call that meets a fault leaves the simulator's state unchanged.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly object _gate = new();
    private readonly Queue<Injected> _next = new();
    private readonly Queue<int> _nextOpens = new();
    private TimeSpan _openDelay;
    private readonly Queue<DateTimeOffset> _recentCalls = new();
    private TimeSpan _latency;
    private int? _throttleAbovePerSecond;
    private Random? _random;
    private double _randomProbability;
    private SimulatedFaultKind[] _randomKinds = Array.Empty<SimulatedFaultKind>();
    private readonly Dictionary<SimulatedFaultKind, int> _injectedKinds = new();
    private int _injectedErrors;

    /// <summary>Delay added before every answer. Default none.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set { lock (_gate) { _latency = value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value), "Latency must not be negative.") : value; } }
    }

    /// <summary>
    /// When set, a call answers 1010 ("too fast") if more than this many calls arrived within the last
    /// second, as ixBrowser does when pushed. <see langword="null"/> (default) disables throttling.
    /// </summary>
    public int? ThrottleAbovePerSecond
    {
        get { lock (_gate) { return _throttleAbovePerSecond; } }
        set { lock (_gate) { _throttleAbovePerSecond = value is < 1 ? throw new ArgumentOutOfRangeException(nameof(value), "The throttle limit must be at least 1 call per second.") : value; } }
    }

    /// <summary>The next <paramref name="calls"/> calls answer with the envelope error <paramref name="errorCode"/> (1004 by default).</summary>
    /// <param name="calls">How many calls fail.</param>
    /// <param name="errorCode">The error code to answer with.</param>
    public void FailNext(int calls, int errorCode = IxBrowserErrorCodes.SystemError)
    {
        Enqueue(calls, new Injected(null, errorCode, 0));
    }

    /// <summary>
    /// The next <paramref name="opens"/> profile opens (profile-open and profile-open-with-random-fingerprint)
    /// answer <paramref name="errorCode"/> without starting a browser: 1020 (another open in progress),
    /// 2012 (cloud backup in progress), 111003 (already open) or any other code. Other calls are not affected.
    /// </summary>
    /// <param name="opens">How many opens fail.</param>
    /// <param name="errorCode">The error code they answer.</param>
    public void FailNextOpens(int opens, int errorCode)
    {
        if (opens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(opens), "Fail at least one open.");
        }

        lock (_gate)
        {
            for (var i = 0; i < opens; i++)
            {
                _nextOpens.Enqueue(errorCode);
            }
        }
    }

    /// <summary>How long each profile open waits before the browser starts, as a cold start with a proxy does (10-60 s in the app). Default none.</summary>
    public TimeSpan OpenDelay
    {
        get { lock (_gate) { return _openDelay; } }
        set { lock (_gate) { _openDelay = value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value), "OpenDelay must not be negative.") : value; } }
    }

    /// <summary>The error code the arriving open meets, if one was queued by <see cref="FailNextOpens"/>.</summary>
    internal int? TakeOpenFault()
    {
        lock (_gate)
        {
            return _nextOpens.Count > 0 ? _nextOpens.Dequeue() : null;
        }
    }

    /// <summary>The next <paramref name="calls"/> calls get a broken answer of kind <paramref name="kind"/>.</summary>
    /// <param name="calls">How many calls break.</param>
    /// <param name="kind">How they break.</param>
    /// <param name="statusCode">The status for <see cref="SimulatedFaultKind.HttpStatus"/> (500 by default).</param>
    public void BreakNext(int calls, SimulatedFaultKind kind, int statusCode = 500)
    {
        if (kind == SimulatedFaultKind.HttpStatus && statusCode is < 100 or > 599 or 200)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "An HttpStatus fault needs a status from 100 to 599 other than 200.");
        }

        Enqueue(calls, new Injected(kind, 0, statusCode));
    }

    /// <summary>
    /// From now on, each call meets a fault with <paramref name="probability"/>, drawn from
    /// <paramref name="kinds"/> (error 1004 when none are given), using a seeded generator so runs repeat.
    /// </summary>
    /// <param name="probability">From 0 to 1.</param>
    /// <param name="seed">The generator's seed; log it to replay a run.</param>
    /// <param name="kinds">The faults to draw from.</param>
    public void InjectRandomly(double probability, int seed, params SimulatedFaultKind[] kinds)
    {
        if (probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "The probability must be from 0 to 1.");
        }

        lock (_gate)
        {
            _random = new Random(seed);
            _randomProbability = probability;
            _randomKinds = kinds ?? Array.Empty<SimulatedFaultKind>();
        }
    }

    /// <summary>How many calls have met a broken answer of <paramref name="kind"/> so far.</summary>
    /// <param name="kind">The kind of fault.</param>
    /// <returns>The count.</returns>
    public int InjectedCount(SimulatedFaultKind kind)
    {
        lock (_gate)
        {
            return _injectedKinds.TryGetValue(kind, out var count) ? count : 0;
        }
    }

    /// <summary>How many calls have been answered with an injected error code (including throttling) so far.</summary>
    public int InjectedErrors
    {
        get { lock (_gate) { return _injectedErrors; } }
    }

    /// <summary>Removes every fault, latency and throttle.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _next.Clear();
            _nextOpens.Clear();
            _openDelay = TimeSpan.Zero;
            _recentCalls.Clear();
            _latency = TimeSpan.Zero;
            _throttleAbovePerSecond = null;
            _random = null;
        }
    }

    /// <summary>Decides the fate of one arriving call.</summary>
    internal (TimeSpan Latency, Injected? Fault) Arrive(DateTimeOffset now)
    {
        lock (_gate)
        {
            var decision = Decide(now);
            if (decision.Fault is { Kind: { } kind })
            {
                _injectedKinds[kind] = _injectedKinds.TryGetValue(kind, out var count) ? count + 1 : 1;
            }
            else if (decision.Fault is not null)
            {
                _injectedErrors++;
            }

            return decision;
        }
    }

    private (TimeSpan Latency, Injected? Fault) Decide(DateTimeOffset now)
    {
        {
            _recentCalls.Enqueue(now);
            while (_recentCalls.Count > 0 && now - _recentCalls.Peek() > TimeSpan.FromSeconds(1))
            {
                _recentCalls.Dequeue();
            }

            if (_next.Count > 0)
            {
                return (_latency, _next.Dequeue());
            }

            if (_throttleAbovePerSecond is { } limit && _recentCalls.Count > limit)
            {
                return (_latency, new Injected(null, IxBrowserErrorCodes.OperationTooFast, 0));
            }

            if (_random is not null && _random.NextDouble() < _randomProbability)
            {
                if (_randomKinds.Length == 0)
                {
                    return (_latency, new Injected(null, IxBrowserErrorCodes.SystemError, 0));
                }

                var kind = _randomKinds[_random.Next(_randomKinds.Length)];
                return (_latency, new Injected(kind, 0, kind == SimulatedFaultKind.HttpStatus ? 503 : 0));
            }

            return (_latency, null);
        }
    }

    private void Enqueue(int calls, Injected fault)
    {
        if (calls < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(calls), "Inject a fault into at least one call.");
        }

        lock (_gate)
        {
            for (var i = 0; i < calls; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }

    /// <summary>An injected fault: a broken answer (<see cref="Kind"/>) or an envelope error (<see cref="ErrorCode"/>).</summary>
    internal sealed record Injected(SimulatedFaultKind? Kind, int ErrorCode, int StatusCode);
}
