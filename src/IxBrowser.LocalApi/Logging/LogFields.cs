using System.Collections;
using System.Collections.Generic;

namespace IxBrowser.LocalApi;

/// <summary>
/// The structured fields of a log event, as [LoggerMessage] would produce them (with
/// <c>{OriginalFormat}</c> last), plus the event's finished text.
/// </summary>
internal sealed class LogFields(string text, string originalFormat) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = new();

    public string Text { get; } = text;

    public int Count => _fields.Count + 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == _fields.Count ? new KeyValuePair<string, object?>("{OriginalFormat}", originalFormat) : _fields[index];

    public void Add(string name, object? value) => _fields.Add(new KeyValuePair<string, object?>(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Text;
}
