namespace IxBrowser.LocalApi;

/// <summary>
/// The success data of an operation that answers none (x-success-data kind <c>none</c>): closing a
/// profile, resetting its open state, arranging windows. The app spells "no data" in several ways
/// (absent, <c>null</c>, <c>[]</c>, <c>"success"</c>); all of them are a success, and
/// <see cref="IxBrowserResponse{TData}.Data"/> is then <see langword="null"/>.
/// </summary>
public sealed class IxBrowserNoData
{
    private IxBrowserNoData()
    {
    }

    /// <inheritdoc />
    public override string ToString() => "no data";
}
