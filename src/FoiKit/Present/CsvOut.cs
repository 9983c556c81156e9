using System.Buffers;
using System.Globalization;
using System.Text;

namespace FoiKit.Present;

/// <summary>
/// A small RFC 4180 writer for the kit's large outputs: UTF-8 without BOM, LF line ends, a field
/// quoted only when it holds a comma, a double quote or a line break (quotes doubled). That is
/// byte for byte what CsvHelper writes with <see cref="TidyCsv.WriterOptions"/>; it exists because
/// the tidy CSV is written once per cell, and here numbers and dates go straight into the byte
/// buffer and repeated texts are copied as bytes, without a string or an array per field.
/// </summary>
internal sealed class CsvOut : IDisposable
{
    private const int BufferSize = 1 << 16;

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private bool _atRecordStart = true;

    // Consecutive tidy rows mostly repeat the same string objects (request, force, question,
    // period, category, file, URL): per column, the last text and its encoded bytes are kept, so
    // a repeat is a reference check and a copy instead of a search and a transcode.
    private string?[] _lastText = [];
    private byte[][] _lastBytes = [];
    private int[] _lastLength = [];

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
            Array.Resize(ref _lastLength, column + 8);
        }
        var value = text ?? "";
        if (ReferenceEquals(value, _lastText[column]))
        {
            Separator();
            Bytes(_lastBytes[column].AsSpan(0, _lastLength[column]));
            return;
        }
        Separator();
        // Room for the whole field, so its bytes are contiguous in the buffer and can be remembered.
        var most = Encoding.UTF8.GetMaxByteCount(value.Length) + 2;
        if (value.AsSpan().ContainsAny(NeedsQuotes) || most > BufferSize / 2)
        {
            _lastText[column] = null; // quoted or huge: rare, written and not remembered
            if (value.AsSpan().ContainsAny(NeedsQuotes)) Quoted(value);
            else Raw(value);
            return;
        }
        Ensure(most);
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
        var bytes = _lastBytes[column];
        if (bytes is null || bytes.Length < length) _lastBytes[column] = bytes = new byte[Math.Max(length, 64)];
        _buffer.AsSpan(_used, length).CopyTo(bytes);
        _used += length;
        _lastText[column] = value;
        _lastLength[column] = length;
    }

    public void Field(long value)
    {
        Separator();
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_used), out var n, default, CultureInfo.InvariantCulture);
        _used += n;
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
        Ensure(10);
        var into = _buffer.AsSpan(_used, 10);
        Digits(into[..4], d.Year);
        into[4] = (byte)'-';
        Digits(into.Slice(5, 2), d.Month);
        into[7] = (byte)'-';
        Digits(into.Slice(8, 2), d.Day);
        _used += 10;
    }

    /// <summary>An April-to-April year label as <c>FinancialYear.Label</c> writes it ("2021/22").</summary>
    public void FinancialYearField(int startYear)
    {
        Separator();
        Ensure(20);
        startYear.TryFormat(_buffer.AsSpan(_used), out var n, default, CultureInfo.InvariantCulture);
        _used += n;
        _buffer[_used++] = (byte)'/';
        Digits(_buffer.AsSpan(_used, 2), (startYear + 1) % 100);
        _used += 2;
    }

    /// <summary>Writes <paramref name="value"/> zero-padded to exactly the width of <paramref name="into"/>.</summary>
    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
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
        Ensure(1);
        _buffer[_used++] = (byte)'\n';
        _atRecordStart = true;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private void Separator()
    {
        if (_atRecordStart)
        {
            _atRecordStart = false;
            return;
        }
        Ensure(1);
        _buffer[_used++] = (byte)',';
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
        if (most > BufferSize)
        {
            Flush();
            _stream.Write(Encoding.UTF8.GetBytes(text.ToArray()));
            return;
        }
        Ensure(most);
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Makes room for <paramref name="bytes"/> (at most the buffer's size) by writing the buffer out when needed.</summary>
    private void Ensure(int bytes)
    {
        if (BufferSize - _used < bytes) Flush();
    }

    private void Flush()
    {
        if (_used == 0) return;
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
