using System;

namespace IxBrowser.LocalApi;

// Hand-written half of the generated IxBrowserStatus (the envelope's "error" object).
public partial class IxBrowserStatus
{
    /// <summary>Whether the call succeeded (<see cref="Code"/> is 0).</summary>
    [Newtonsoft.Json.JsonIgnore]
    public bool IsSuccess => Code == 0;

    /// <summary><see cref="Time"/> as a point in time; <see langword="null"/> if the server sent none.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public DateTimeOffset? ServerTime => Time is { } seconds ? UnixTime.ToDateTimeOffset(seconds) : null;
}
