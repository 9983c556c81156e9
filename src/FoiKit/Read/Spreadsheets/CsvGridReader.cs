using System.Globalization;
using System.Text;
using FoiKit.Model;

namespace FoiKit.Read.Spreadsheets;

/// <summary>What decoding a text file found.</summary>
internal sealed record DecodedText(string Text, string EncodingName, string? Note);

/// <summary>
/// Reads a CSV (or tab-separated "Unicode text") file into a <see cref="Grid"/>: the encoding is
/// found from the byte order mark or the bytes themselves (UTF-8, UTF-16 from Excel's "Unicode
/// text", else Windows-1252), the separator from the first lines; quoting follows RFC 4180.
/// </summary>
internal static class CsvGridReader
{
    /// <summary>Larger files are refused rather than read into memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>A spreadsheet cell holds at most this many characters; longer cells are cut (and reported).</summary>
    public const int MaxCellChars = 32_767;

    static CsvGridReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes a text file; fails (one sentence) for binary content.</summary>
    public static Parsed<DecodedText> Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Strict(bytes, 3, new UTF8Encoding(false, true), "UTF-8 with a byte order mark");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Strict(bytes, 2, new UnicodeEncoding(false, false, true), "UTF-16 (Excel 'Unicode text')");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Strict(bytes, 2, new UnicodeEncoding(true, false, true), "UTF-16 big-endian");
        if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4)
            return Parsed<DecodedText>.Fail("this is a zip file (an .xlsx workbook?), not CSV text: give it the .xlsx extension");

        // UTF-16 without a mark: every other byte of ASCII text is zero.
        var sample = Math.Min(bytes.Length, 4096) & ~1;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample; i++)
            if (bytes[i] == 0) { if (i % 2 == 0) zeroEven++; else zeroOdd++; }
        if (sample >= 4 && zeroOdd > sample / 4 && zeroEven == 0)
            return Strict(bytes, 0, new UnicodeEncoding(false, false, true), "UTF-16 without a byte order mark");
        if (sample >= 4 && zeroEven > sample / 4 && zeroOdd == 0)
            return Strict(bytes, 0, new UnicodeEncoding(true, false, true), "UTF-16 big-endian without a byte order mark");
        if (zeroEven + zeroOdd > 0 || bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOfAnyInRange((byte)1, (byte)8) >= 0)
            return Parsed<DecodedText>.Fail("this is not a text file (it holds binary bytes)");

        try
        {
            return Parsed<DecodedText>.Success(new DecodedText(new UTF8Encoding(false, true).GetString(bytes), "UTF-8", null));
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Excel's "CSV" on Windows writes Windows-1252 (pound signs, curly quotes).
            var text = Encoding.GetEncoding(1252).GetString(bytes);
            return Parsed<DecodedText>.Success(new DecodedText(text, "Windows-1252",
                "the file is not UTF-8, so it was read as Windows-1252 (Excel's 'CSV' on Windows); check that £ signs and quotes look right"));
        }
    }

    private static Parsed<DecodedText> Strict(byte[] bytes, int skip, Encoding encoding, string name)
    {
        try
        {
            return Parsed<DecodedText>.Success(new DecodedText(encoding.GetString(bytes, skip, bytes.Length - skip), name, null));
        }
        catch (DecoderFallbackException)
        {
            return Parsed<DecodedText>.Fail($"the file starts like {name} but holds bytes that are not valid {name}; is it damaged?");
        }
    }

    /// <summary>The separator: a "sep=;" first line, else the one most lines use (comma, tab or semicolon).</summary>
    /// <remarks>
    /// Ours because CsvHelper reads a "sep=" line (<c>DetectSeparatorHint</c>) but does not guess a separator
    /// from the content, and forces send semicolon and tab files without that line.
    /// </remarks>
    public static char DetectSeparator(string text, out bool sepLine)
    {
        sepLine = false;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length >= 5 && text[4] is not ('\r' or '\n'))
        {
            sepLine = true;
            return text[4];
        }
        var candidates = new[] { ',', '\t', ';' };
        var lines = new int[candidates.Length];
        var counts = new int[candidates.Length];
        var lineCounts = new int[candidates.Length];
        var inQuotes = false;
        var lineNo = 0;
        for (var i = 0; i < text.Length && lineNo < 50; i++)
        {
            var ch = text[i];
            if (ch == '"') inQuotes = !inQuotes;
            else if (!inQuotes && ch == '\n')
            {
                for (var k = 0; k < candidates.Length; k++) if (lineCounts[k] > 0) { lines[k]++; counts[k] += lineCounts[k]; lineCounts[k] = 0; }
                lineNo++;
            }
            else if (!inQuotes)
            {
                var k = Array.IndexOf(candidates, ch);
                if (k >= 0) lineCounts[k]++;
            }
        }
        for (var k = 0; k < candidates.Length; k++) if (lineCounts[k] > 0) { lines[k]++; counts[k] += lineCounts[k]; }
        var best = 0;
        for (var k = 1; k < candidates.Length; k++)
            if (lines[k] > lines[best] || (lines[k] == lines[best] && counts[k] > counts[best])) best = k;
        return candidates[best];
    }

    /// <summary>Parses CSV text into rows (blank records dropped). Problems found go to <paramref name="warn"/>.</summary>
    /// <remarks>
    /// Ours rather than CsvHelper's reader because an answer is a grid, not records: ragged rows are kept as
    /// printed, a quote left open is reported with the record it opened on, and a cell longer than a spreadsheet
    /// holds is cut and named, each as a warning on that file rather than an exception.
    /// </remarks>
    public static Grid Parse(string text, char separator, bool skipFirstLine, Action<int, string> warn)
    {
        var rows = new List<GridRow>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var record = 1;
        var i = 0;
        var quoted = false;
        var fieldWasQuoted = false;
        long fieldLength = 0;
        var quoteStartRecord = 0;
        var cut = new List<string>();
        if (skipFirstLine)
        {
            while (i < text.Length && text[i] != '\n') i++;
            i++;
            record = 2;
        }

        // A huge cell is counted but not stored beyond the limit, so memory stays bounded.
        void Append(char ch)
        {
            fieldLength++;
            if (field.Length < MaxCellChars) field.Append(ch);
        }

        void EndField()
        {
            var s = field.ToString();
            if (fieldLength > MaxCellChars)
                cut.Add(string.Create(CultureInfo.InvariantCulture, $"{CellRef.Name(fields.Count + 1, record)} ({fieldLength:N0} characters)"));
            fields.Add(s);
            field.Clear();
            fieldLength = 0;
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Any(f => !string.IsNullOrWhiteSpace(f))) rows.Add(new GridRow(record, [.. fields]));
            fields.Clear();
            record++;
        }

        while (i < text.Length)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false;
                    i++;
                    continue;
                }
                Append(ch);
                i++;
                continue;
            }
            if (ch == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
                quoteStartRecord = record;
                i++;
                continue;
            }
            if (ch == separator) { EndField(); i++; continue; }
            if (ch == '\n') { EndRecord(); i++; continue; }
            if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { EndRecord(); i += 2; continue; }
            if (ch == '\r') { EndRecord(); i++; continue; }
            Append(ch);
            i++;
        }
        if (quoted) warn(quoteStartRecord, "a quoted cell is never closed: everything from it to the end of the file was read as one cell");
        if (field.Length > 0 || fields.Count > 0) EndRecord();
        if (cut.Count > 0)
            warn(0, $"cell(s) {string.Join(", ", cut.Take(5))} are longer than a spreadsheet cell can be ({MaxCellChars:N0} characters) and were cut to that length");
        return new Grid("", rows, PadRows: false);
    }
}
