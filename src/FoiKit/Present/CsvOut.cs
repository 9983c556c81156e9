using System.Buffers;
using System.Globalization;
using System.Text;

namespace FoiKit.Present;

/// <summary>
/// A small RFC 4180 writer for the kit's large outputs: UTF-8 without BOM, LF line ends, a field
/// quoted only when it holds a comma, a double quote or a line break (quotes doubled). That is
/// byte for byte what CsvHelper writes with <see cref="TidyCsv.WriterOptions"/>; it exists because
/// the tidy CSV is written once per cell and numbers and dates can go straight into the buffer
/// here, without a string or array per field.
/// </summary>
internal sealed class CsvOut : IDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private bool _atRecordStart = true;

    // Consecutive tidy rows mostly repeat the same string objects (request, force, question,
    // period, category, file, URL): per column, the last text and its encoded bytes are kept, so
    // a repeat is a reference check and a copy instead of a search and a transcode.
    private long _flushes;
    private string?[] _lastText = [];
    private byte[][] _lastBytes = [];

    public CsvOut(string path)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    public void Field(string? text) => Field(text.AsSpan());

    public void Field(ReadOnlySpan<char> text)
    {
        Separator();
        if (text.ContainsAny(NeedsQuotes)) Quoted(text);
        else Raw(text);
    }

    /// <summary>A text field of column <paramref name="column"/> (0-based), remembered for the next row.</summary>
    public void Field(int column, string? text)
    {
        if (column >= _lastText.Length)
        {
            Array.Resize(ref _lastText, column + 8);
            Array.Resize(ref _lastBytes, column + 8);
        }
        var value = text ?? "";
        if (ReferenceEquals(value, _lastText[column]))
        {
            Separator();
            Bytes(_lastBytes[column]);
            return;
        }
        var start = _used + (_atRecordStart ? 0 : 1);
        var flushes = _flushes;
        Field(value.AsSpan());
        if (flushes != _flushes) return; // the buffer was written out mid-field: nothing to remember this time
        _lastText[column] = value;
        _lastBytes[column] = _buffer.AsSpan(start, _used - start).ToArray();
    }

    public void Field(long value)
    {
        Separator();
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        Raw(digits[..n]);
    }

    public void Field(long? value)
    {
        if (value is { } v) Field(v);
        else Separator();
    }

    public void Field(DateOnly? date)
    {
        Separator();
        if (date is not { } d) return;
        // "yyyy-MM-dd" by hand: the general date formatter is slow for a field written per cell.
        Span<char> text = stackalloc char[10];
        Digits(text[..4], d.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), d.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), d.Day);
        Raw(text);
    }

    /// <summary>Writes <paramref name="value"/> zero-padded to exactly the width of <paramref name="into"/>.</summary>
    internal static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public void Record(ReadOnlySpan<string> fields)
    {
        foreach (var f in fields) Field(f);
        EndRecord();
    }

    public void EndRecord()
    {
        Byte((byte)'\n');
        _atRecordStart = true;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private void Separator()
    {
        if (!_atRecordStart) Byte((byte)',');
        _atRecordStart = false;
    }

    private void Quoted(ReadOnlySpan<char> text)
    {
        var doubled = new StringBuilder(text.Length + 8).Append('"');
        foreach (var ch in text)
        {
            if (ch == '"') doubled.Append('"');
            doubled.Append(ch);
        }
        Raw(doubled.Append('"').ToString());
    }

    private void Raw(ReadOnlySpan<char> text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _buffer.Length - _used)
        {
            Flush();
            if (most > _buffer.Length)
            {
                _stream.Write(Encoding.UTF8.GetBytes(text.ToArray()));
                return;
            }
        }
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used) Flush();
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Byte(byte b)
    {
        if (_used == _buffer.Length) Flush();
        _buffer[_used++] = b;
    }

    private void Flush()
    {
        if (_used == 0) return;
        _stream.Write(_buffer, 0, _used);
        _used = 0;
        _flushes++;
    }
}
