namespace IxBrowser.LocalApi;

/// <summary>
/// A list request with a page number and a page size. The generator gives it to every request
/// body of the spec that has both <c>page</c> and <c>limit</c>, so that the client can walk pages.
/// </summary>
public interface IPagedRequest
{
    /// <summary>The page to read, from 1; ixBrowser reads page 1 when it is not set.</summary>
    int? Page { get; set; }

    /// <summary>How many items a page holds; ixBrowser uses 10 when it is not set.</summary>
    int? Limit { get; set; }
}
