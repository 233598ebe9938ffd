using System;
using System.Globalization;
using System.Text;

namespace IxBrowser.LocalApi.Internal;

/// <summary>A forgiving reader of JSON text for masking: it never throws, and copes with text cut off anywhere.</summary>
internal static class JsonText
{
    /// <summary>Reads the string starting at the quote at <paramref name="start"/>; returns the index after it (or the text's end).</summary>
    public static int ScanString(string text, int start, out string value, out bool closed)
    {
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                value = builder.ToString();
                closed = true;
                return i + 1;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i = Unescape(text, i, builder);
                continue;
            }

            builder.Append(c);
            i++;
        }

        value = builder.ToString();
        closed = false;
        return text.Length;
    }

    /// <summary>Whether the next character after whitespace is a colon: the string before was a key.</summary>
    public static bool NextIsColon(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index < text.Length && text[index] == ':';
    }

    /// <summary>The index after the value starting at <paramref name="start"/>: a balanced object or array, or a scalar.</summary>
    public static int SkipValue(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i = ScanString(text, i, out _, out _);
                if (depth == 0)
                {
                    return i;
                }

                continue;
            }

            if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
            else if (depth == 0 && (c == ',' || char.IsWhiteSpace(c)))
            {
                return i;
            }

            i++;
        }

        return text.Length;
    }

    private static bool TryHex(string text, int start, out int code)
    {
#if NET5_0_OR_GREATER
        return int.TryParse(text.AsSpan(start, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out code);
#else
        return int.TryParse(text.Substring(start, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out code);
#endif
    }

    private static int Unescape(string text, int backslash, StringBuilder builder)
    {
        var e = text[backslash + 1];
        switch (e)
        {
            case 'u' when backslash + 5 < text.Length && TryHex(text, backslash + 2, out var code):
                builder.Append((char)code);
                return backslash + 6;
            case 'n':
                builder.Append('\n');
                break;
            case 't':
                builder.Append('\t');
                break;
            case 'r':
                builder.Append('\r');
                break;
            case 'b':
                builder.Append('\b');
                break;
            case 'f':
                builder.Append('\f');
                break;
            default:
                builder.Append(e);
                break;
        }

        return backslash + 2;
    }
}
