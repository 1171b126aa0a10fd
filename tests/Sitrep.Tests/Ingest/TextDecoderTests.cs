using System.Text;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class TextDecoderTests
{
    [Fact]
    public void Utf8WithBomIsDecodedWithoutTheBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Shelling “resumed” — officials said.")];

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _));
        Assert.Equal("Shelling “resumed” — officials said.", text);
    }

    [Fact]
    public void Utf16LittleEndianWithBomIsDecoded()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Kyiv\r\nKharkiv – Odesa")];

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _));
        Assert.Equal("Kyiv\nKharkiv – Odesa", text);
    }

    [Fact]
    public void Utf16BigEndianWithBomIsDecoded()
    {
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Goma, Congo")];

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _));
        Assert.Equal("Goma, Congo", text);
    }

    [Fact]
    public void InvalidUtf8FallsBackToLatin1()
    {
        byte[] bytes = Encoding.Latin1.GetBytes("Le préfet a confirmé deux blessés.");

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _));
        Assert.Equal("Le préfet a confirmé deux blessés.", text);
    }

    [Fact]
    public void OneInvalidByteInUtf8TextIsReplacedAndToldByOffset()
    {
        var prose = string.Concat(Enumerable.Repeat("Shelling “resumed” — officials said. ", 20));
        var good = Encoding.UTF8.GetBytes(prose);
        byte[] bytes = [.. good[..100], 0xFF, .. good[100..]];

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _, out var warning));
        Assert.Equal(prose.Length + 1, text.Length);
        Assert.Equal('\uFFFD', text[Encoding.UTF8.GetString(good[..100]).Length]);
        Assert.DoesNotContain("â€", text);
        Assert.Equal("invalid UTF-8 at byte 100; read as UTF-8 with U+FFFD in their place", warning);
    }

    [Fact]
    public void LegacyTextThroughoutIsReadAsWindows1252WithoutAWarning()
    {
        var legacy = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var prose = string.Concat(Enumerable.Repeat("Le préfet a “confirmé” – deux blessés. ", 20));

        Assert.True(TextDecoder.TryDecode(legacy.GetBytes(prose), out var text, out _, out var warning));
        Assert.Equal(prose, text);
        Assert.Null(warning);
    }

    [Fact]
    public void A_report_file_with_a_bad_byte_carries_the_warning()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-bad-byte-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("Clashes — near the airport."), 0xC3, .. Encoding.UTF8.GetBytes(" Officials said.")]);
            var report = Assert.IsType<Sitrep.Ingest.ReportRead>(Assert.Single(new ReportSource().Read([path]))).Report;
            Assert.Equal(["invalid UTF-8 at byte 29; read as UTF-8 with U+FFFD in their place"], report.Warnings);
            Assert.StartsWith("Clashes — near the airport.", report.Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Windows1252QuotesInLegacyTextBecomeCurlyQuotes()
    {
        byte[] bytes = [0x93, (byte)'c', (byte)'a', (byte)'l', (byte)'m', 0x94, (byte)' ', 0x96, (byte)' ', 0xE9];

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _));
        Assert.Equal("“calm” – é", text);
    }

    [Fact]
    public void TextIsNormalisedToNfcAndLineEndsToLf()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("Re\u0301sume\u0301 line one\r\nline two\rline three");

        Assert.True(TextDecoder.TryDecode(bytes, out var text, out _));
        Assert.Equal("Résumé line one\nline two\nline three", text);
    }

    [Fact]
    public void NulBytesWithoutUtf16BomAreBinary()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

        Assert.False(TextDecoder.TryDecode(bytes, out _, out var error));
        Assert.Equal("binary data, not text", error);
    }

    [Fact]
    public void ManyControlCharactersAreBinary()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("abcdefgh"), 0x01, 0x02, 0x03, 0x1B];

        Assert.False(TextDecoder.TryDecode(bytes, out _, out var error));
        Assert.Equal("binary data, not text", error);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void EmptyOrWhitespaceInputIsRejected(byte[] bytes)
    {
        Assert.False(TextDecoder.TryDecode(bytes, out _, out var error));
        Assert.Equal("empty input", error);
    }
}
