using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Turns the bytes of a text report into NFC Unicode with LF line ends, rejecting empty input
/// and binary data. Quotes and dashes are left as written.
/// </summary>
public static class TextDecoder
{
    public const string EmptyMessage = "empty input";

    public const string BinaryMessage = "binary data, not text";

    // A word longer than this is no word of prose: a run of base64, a hash, a line of one letter.
    private const int MaxWordLength = 100;

    // Share of control characters (other than \t \n \r \f) above which the input is not text.
    private const double MaxControlShare = 0.10;

    // Windows-1252 rather than strict Latin-1: it agrees on every printable Latin-1 byte and also
    // maps 0x80-0x9F to the curly quotes and dashes that legacy news text actually contains.
    private static readonly Encoding Legacy = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    public static bool TryDecode(
        ReadOnlySpan<byte> bytes,
        [NotNullWhen(true)] out string? text,
        [NotNullWhen(false)] out string? error) => TryDecode(bytes, out text, out error, out _);

    /// <summary>As above, with what had to be repaired to read it (invalid UTF-8 bytes replaced), or null.</summary>
    public static bool TryDecode(
        ReadOnlySpan<byte> bytes,
        [NotNullWhen(true)] out string? text,
        [NotNullWhen(false)] out string? error,
        out string? warning)
    {
        warning = null;
        string decoded;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            decoded = Encoding.UTF8.GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            decoded = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            decoded = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else if (bytes.Contains((byte)0))
        {
            // Without a UTF-16 BOM a NUL byte means the file is not text we can read.
            (text, error) = (null, BinaryMessage);
            return false;
        }
        else
        {
            decoded = Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : DecodeDamaged(bytes, out warning);
        }
        return TryNormalise(decoded, out text, out error);
    }

    /// <summary>Applies the same checks and normalisation to text that arrived already decoded.</summary>
    public static bool TryNormalise(
        string decoded,
        [NotNullWhen(true)] out string? text,
        [NotNullWhen(false)] out string? error)
    {
        text = null;
        if (string.IsNullOrWhiteSpace(decoded))
        {
            error = EmptyMessage;
            return false;
        }
        int controls = 0;
        foreach (char c in decoded)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                controls++;
            }
        }
        if (controls > decoded.Length * MaxControlShare)
        {
            error = BinaryMessage;
            return false;
        }
        if (NoWords(decoded) is { } noWords)
        {
            error = noWords;
            return false;
        }
        text = NormaliseLineEnds(decoded.TrimStart('\uFEFF'));
        // Normalising text that already is NFC would still copy it through a buffer as long as the text.
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }
        error = null;
        return true;
    }

    /// <summary>
    /// Bytes that are not all valid UTF-8. Text that is UTF-8 but for a few bad bytes (a truncated
    /// copy, one stray byte) is read as UTF-8 with U+FFFD for each bad sequence, and the first is
    /// told by offset; only bytes with no valid multi-byte sequence at all, or more bad sequences
    /// than good ones, are legacy Windows-1252 text, read as such.
    /// </summary>
    private static string DecodeDamaged(ReadOnlySpan<byte> bytes, out string? warning)
    {
        int valid = 0, invalid = 0, first = -1;
        for (int at = 0; at < bytes.Length;)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid++;
                first = first < 0 ? at : first;
            }
            else if (consumed > 1)
            {
                valid++;
            }
            at += Math.Max(consumed, 1);
        }
        if (valid == 0 || invalid > valid)
        {
            warning = null;
            return Legacy.GetString(bytes);
        }
        warning = $"invalid UTF-8 at byte {first:N0}" + (invalid > 1 ? $" and {invalid - 1:N0} more place(s)" : "") +
                  "; read as UTF-8 with U+FFFD in their place";
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Text most of which is runs of over 100 characters without white space has no words to read
    /// ("aaaa…" for 20 MB, an encoded blob): it would be stored as a junk document.
    /// </summary>
    private static string? NoWords(string text)
    {
        long inWords = 0, outside = 0;
        int run = 0;
        // One step past the end closes the last run.
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                run++;
                continue;
            }
            (inWords, outside) = run <= MaxWordLength ? (inWords + run, outside) : (inWords, outside + run);
            run = 0;
        }
        return outside > inWords
            ? $"no words: {outside:N0} of its {inWords + outside:N0} characters are in runs of more than {MaxWordLength} without a space"
            : null;
    }

    private static string NormaliseLineEnds(string s) =>
        s.Contains('\r') ? s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : s;
}
