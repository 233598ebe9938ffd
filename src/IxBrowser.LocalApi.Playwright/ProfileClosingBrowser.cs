using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace IxBrowser.LocalApi.Playwright;

/// <summary>
/// The <see cref="IBrowser"/> handed out: every member forwards to Playwright's own browser, except
/// <c>CloseAsync</c> and <c>DisposeAsync</c>, which also end the Playwright driver (when this library
/// started it) and close the ixBrowser profile, exactly once. A <see cref="DispatchProxy"/> rather
/// than a hand-written wrapper, so that members a later Playwright adds to IBrowser forward too
/// instead of failing to load.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy.Create needs a type it can derive from.
internal class ProfileClosingBrowser : DispatchProxy
#pragma warning restore CA1852
{
    private IBrowser _inner = null!;
    private IPlaywright? _ownedPlaywright;
    private Lazy<Task> _close = null!;

    /// <summary>The profile behind the browser.</summary>
    internal IxBrowserOpenedProfile Profile { get; private set; } = null!;

    internal static IBrowser Wrap(IBrowser inner, IPlaywright? ownedPlaywright, IxBrowserOpenedProfile profile)
    {
        var proxy = Create<IBrowser, ProfileClosingBrowser>();
        var closing = (ProfileClosingBrowser)(object)proxy;
        closing._inner = inner;
        closing._ownedPlaywright = ownedPlaywright;
        closing.Profile = profile;
        closing._close = new Lazy<Task>(closing.CloseAllAsync, LazyThreadSafetyMode.ExecutionAndPublication);
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case nameof(IBrowser.CloseAsync):
                return _close.Value;
            case nameof(IAsyncDisposable.DisposeAsync):
                return new ValueTask(_close.Value);
            case nameof(ToString) when args is null or { Length: 0 }:
                return $"IBrowser of ixBrowser profile {Profile.ProfileId} ({Profile.DevToolsAddress})";
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    private async Task CloseAllAsync()
    {
        try
        {
            // For a browser connected over CDP, Playwright's close disconnects; the profile's close ends the browser.
            await _inner.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                _ownedPlaywright?.Dispose();
            }
            finally
            {
                await Profile.CloseAsync().ConfigureAwait(false);
            }
        }
    }
}
