using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read;

/// <summary>
/// Reads a large transcript without holding it: a first pass checks the whole file (so a broken
/// file fails before any row is used, as with <see cref="JsonDocument"/>) and notes where each
/// table's rows start; each table's rows are then read from the file as they are enumerated.
/// Checks, their order and their messages are those of <see cref="TranscriptReader.FromJson"/>;
/// as there, a repeated property counts as its last value.
/// </summary>
internal static class TranscriptStream
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = JsonOptions.Document.AllowTrailingCommas,
        CommentHandling = JsonOptions.Document.CommentHandling,
        MaxDepth = JsonOptions.Document.MaxDepth,
    };

    /// <summary>What the first pass saw of one table.</summary>
    private sealed class TableInfo
    {
        public bool IsObject;
        public string Question = "";
        public string Caption = "";
        public JsonTokenType Columns = JsonTokenType.None;
        public List<string?> Headers = [];
        public JsonTokenType Rows = JsonTokenType.None;
        public long RowsOffset = -1;
        public List<SourceRow>? RowList;
    }

    public static Parsed<ResponseTranscript> Read(string path, int bufferSize)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (file.Length == 0) return Parsed<ResponseTranscript>.Fail($"{path}: the file is empty");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return Parse(path, new Chunked(stream, 0, bufferSize), (file.Length, file.LastWriteTimeUtc), bufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<ResponseTranscript>.Fail($"{path}: cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// Reads a whole file held in memory in one pass, rows included (no <see cref="JsonDocument"/> is
    /// built): the same transcript, checks and messages as <see cref="TranscriptReader.FromJson"/>.
    /// </summary>
    public static Parsed<ResponseTranscript> ReadBytes(string path, ArraySegment<byte> bytes)
    {
        if (bytes.Count == 0) return Parsed<ResponseTranscript>.Fail($"{path}: the file is empty");
        return Parse(path, new Chunked(bytes), default, 0);
    }

    /// <summary>
    /// The one pass over the file: top-level fields, each table's fields and either where its rows
    /// start (streaming) or its rows (a file in memory); then the checks, in the order of <see cref="TranscriptReader.FromJson"/>.
    /// </summary>
    private static Parsed<ResponseTranscript> Parse(string path, Chunked r, (long Length, DateTime Written) stamp, int bufferSize)
    {
        Parsed<ResponseTranscript> Fail(string why) => Parsed<ResponseTranscript>.Fail($"{path}: {why}");

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var truncated = false;
        Dictionary<string, string?>? extracted = null;
        var extractedKind = JsonTokenType.None;
        var rootIsObject = false;
        JsonTokenType tablesKind = JsonTokenType.None;
        List<TableInfo> tables = [];
        try
        {
            var reader = r.Start();
            r.Next(ref reader);
            rootIsObject = reader.TokenType == JsonTokenType.StartObject;
            if (rootIsObject)
            {
                while (r.Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    r.Next(ref reader);
                    switch (name)
                    {
                        case "tables":
                            tablesKind = reader.TokenType;
                            tables = [];
                            if (reader.TokenType == JsonTokenType.StartArray) ReadTables(r, ref reader, tables);
                            else r.Skip(ref reader);
                            break;
                        case "truncated":
                            truncated = reader.TokenType == JsonTokenType.True;
                            r.Skip(ref reader);
                            break;
                        case "extracted_from":
                            extracted = reader.TokenType == JsonTokenType.StartObject ? ReadFlatObject(r, ref reader) : null;
                            extractedKind = reader.TokenType;
                            if (extracted is null) r.Skip(ref reader);
                            break;
                        default:
                            fields[name] = Text(r, ref reader);
                            break;
                    }
                }
            }
            else
            {
                r.Skip(ref reader);
            }
            // The rest of the file must be nothing but whitespace and comments.
            r.Finish(ref reader);
        }
        catch (JsonException e)
        {
            return Fail($"not valid JSON ({JsonOptions.Describe(e)}); is the file complete?");
        }

        string F(string name) => fields.GetValueOrDefault(name, "");
        if (!rootIsObject) return Fail("a response transcript must be a JSON object");
        var schema = F("schema");
        if (schema.Length > 0 && schema != TranscriptReader.Schema) return Fail($"schema '{schema}' is not supported (expected '{TranscriptReader.Schema}')");
        var request = F("request");
        if (request.Length == 0) return Fail("no 'request' id: which FOI request does this answer?");
        var kindText = F("kind");
        if (!SourceKindNames.TryParse(kindText, out var kind))
            return Fail(kindText.Length == 0 ? "no 'kind' (force_response or published_article)" : $"kind '{kindText}' is not force_response or published_article");
        var force = F("force");
        if (force.Length == 0) return Fail("no 'force' named");
        if (tablesKind != JsonTokenType.StartArray) return Fail("no 'tables' list");

        var result = new List<SourceTable>(tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            var index = i + 1;
            if (!t.IsObject) return Fail($"table {index} is not an object with columns and rows");
            if (t.Columns != JsonTokenType.StartArray) return Fail($"table {index} has no 'columns' list");
            if (t.Rows != JsonTokenType.StartArray) return Fail($"table {index} has no 'rows' list");
            if (t.Headers.Any(h => h is null)) return Fail($"table {index} has a column header that is not text");
            IEnumerable<SourceRow> rows = t.RowList is { } list ? list : new Rows(path, t.RowsOffset, bufferSize, stamp);
            result.Add(new SourceTable(index, t.Question, t.Caption, t.Headers.Select(h => h!).ToList(), rows));
        }
        var transcript = new ResponseTranscript(
            path, request, kind, force, F("source_url"), F("request_ref"), F("response_date"), F("method_notes"), truncated, F("notes"), result);
        return TranscriptReader.WithExtraction(transcript, extractedKind, extracted, F("review"));
    }

    /// <summary>An object of scalars (the reader is at its '{'), each as text; an object or list inside is kept as null.</summary>
    private static Dictionary<string, string?> ReadFlatObject(Chunked r, ref Utf8JsonReader reader)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (r.Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            r.Next(ref reader);
            values[name] = Scalar(r, ref reader);
        }
        return values;
    }

    private static void ReadTables(Chunked r, ref Utf8JsonReader reader, List<TableInfo> tables)
    {
        while (r.Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var t = new TableInfo { IsObject = reader.TokenType == JsonTokenType.StartObject };
            tables.Add(t);
            if (!t.IsObject)
            {
                r.Skip(ref reader);
                continue;
            }
            while (r.Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                r.Next(ref reader);
                switch (name)
                {
                    case "columns":
                        t.Columns = reader.TokenType;
                        t.Headers = [];
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            r.Skip(ref reader);
                            break;
                        }
                        while (r.Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                            t.Headers.Add(Scalar(r, ref reader));
                        break;
                    case "rows":
                        t.Rows = reader.TokenType;
                        t.RowsOffset = r.TokenStart(ref reader);
                        if (r.InMemory && reader.TokenType == JsonTokenType.StartArray) t.RowList = ReadRows(r, ref reader);
                        else r.Skip(ref reader);
                        break;
                    case "question":
                        t.Question = Text(r, ref reader);
                        break;
                    case "caption":
                        t.Caption = Text(r, ref reader);
                        break;
                    default:
                        r.Skip(ref reader);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// A table's rows, read at once from a file in memory (the reader is at the rows' '['): as
    /// <see cref="Cursor"/> reads them one by one, and as the whole-file reader kept them.
    /// </summary>
    private static List<SourceRow> ReadRows(Chunked r, ref Utf8JsonReader reader)
    {
        var rows = new List<SourceRow>();
        var cells = new List<string?>();
        var pool = CellTexts.Shared;
        var number = 0;
        while (r.Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            number++;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                // Kept as a one-cell row so the normaliser can put it in the rejects ledger.
                r.Skip(ref reader);
                rows.Add(new SourceRow(number, [null]));
                continue;
            }
            cells.Clear();
            while (r.Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    // An object or list where a cell belongs is kept as its JSON text, so it is rejected, not blanked.
                    var start = r.TokenStart(ref reader);
                    r.Skip(ref reader);
                    cells.Add(r.Text(start, r.TokenEnd(ref reader)));
                }
                else
                {
                    cells.Add(pool.Scalar(r, ref reader));
                }
            }
            rows.Add(new SourceRow(number, cells.ToArray()));
        }
        return rows;
    }

    /// <summary>As <see cref="JsonOptions.Text"/>: a scalar as text, "" for anything else.</summary>
    private static string Text(Chunked r, ref Utf8JsonReader reader) => Scalar(r, ref reader) ?? "";

    /// <summary>As <see cref="JsonOptions.Scalar"/>: a scalar as text; null (after skipping it) for an object or array.</summary>
    private static string? Scalar(Chunked r, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString() ?? "";
            case JsonTokenType.Number: return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Null: return "";
            default:
                r.Skip(ref reader);
                return null;
        }
    }

    /// <summary>
    /// The texts of recent cells, so a cell printed again (a label, a period, a small count) is the
    /// same string rather than a new one: most cells repeat, and a file's rows are held while it is
    /// normalised, so every new string was copied by the GC. Only short ASCII texts with no escapes
    /// are kept (their UTF-8 is their text, compared byte for char); anything else, and a text not
    /// seen lately, is made as <see cref="Scalar"/> makes it. Bounded: one text a slot, the last one
    /// written there kept.
    /// </summary>
    private sealed class CellTexts
    {
        private const int Slots = 4096;
        private const int Longest = 96;
        private readonly string?[] _texts = new string?[Slots];

        [ThreadStatic]
        private static CellTexts? _shared;

        public static CellTexts Shared => _shared ??= new CellTexts();

        /// <summary>As <see cref="TranscriptStream.Scalar"/>: the same text, often the same string as before.</summary>
        public string? Scalar(Chunked r, ref Utf8JsonReader reader)
        {
            var type = reader.TokenType;
            if ((type == JsonTokenType.String && !reader.ValueIsEscaped) || type == JsonTokenType.Number)
            {
                var bytes = reader.ValueSpan;
                if (bytes.Length is > 0 and <= Longest)
                {
                    ref var slot = ref _texts[Hash(bytes) & (Slots - 1)];
                    if (slot is { } known && known.Length == bytes.Length && Ascii.Equals(bytes, known)) return known;
                    var text = TranscriptStream.Scalar(r, ref reader);
                    if (text is not null && text.Length == bytes.Length) slot = text; // all ASCII
                    return text;
                }
            }
            return TranscriptStream.Scalar(r, ref reader);
        }

        /// <summary>A hash of a short text's bytes, to pick its slot.</summary>
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            ulong h = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
            var i = 0;
            for (; i + 8 <= bytes.Length; i += 8)
                h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * 0xFF51AFD7ED558CCDUL;
            ulong tail = 0;
            for (var shift = 0; i < bytes.Length; i++, shift += 8) tail |= (ulong)bytes[i] << shift;
            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
            return (int)(h >> 40);
        }
    }

    /// <summary>One table's rows, read from the file each time they are enumerated.</summary>
    private sealed class Rows(string path, long offset, int bufferSize, (long Length, DateTime Written) stamp) : IEnumerable<SourceRow>
    {
        public IEnumerator<SourceRow> GetEnumerator()
        {
            var now = new FileInfo(path);
            if (!now.Exists || now.Length != stamp.Length || now.LastWriteTimeUtc != stamp.Written)
                throw new InvalidDataException($"{path}: the file changed while it was being read; read it again");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var cursor = new Cursor(new Chunked(stream, offset, bufferSize), path);
            while (true)
            {
                SourceRow? row;
                try
                {
                    row = cursor.Next();
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{path}: not valid JSON ({JsonOptions.Describe(e)}) on reading it again; did it change?", e);
                }
                if (row is null) yield break;
                yield return row;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Where one enumeration of a table's rows has got to. A reader (a ref struct) cannot live
    /// across a yield, so it is rebuilt from the saved state for each row.
    /// </summary>
    private sealed class Cursor(Chunked r, string path)
    {
        private readonly List<string?> _cells = [];
        private JsonReaderState _state;
        private bool _started;
        private int _number;

        public SourceRow? Next()
        {
            var reader = _started ? r.Resume(_state) : r.Start();
            if (!_started)
            {
                r.Next(ref reader); // the rows array itself
                _started = true;
            }
            SourceRow? row = null;
            if (r.Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                _number++;
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    // Kept as a one-cell row so the normaliser can put it in the rejects ledger.
                    r.Skip(ref reader);
                    row = new SourceRow(_number, [null]);
                }
                else
                {
                    _cells.Clear();
                    while (r.Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                        _cells.Add(reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? Nested(ref reader) : Scalar(r, ref reader));
                    row = new SourceRow(_number, _cells.ToArray());
                }
            }
            _state = reader.CurrentState;
            r.Save(ref reader);
            return row;
        }

        /// <summary>
        /// An object or list where a cell belongs, as its JSON text (as the whole-file reader keeps it),
        /// so it is rejected with what was written rather than blanked. Rare, so it re-reads those bytes.
        /// </summary>
        private string Nested(ref Utf8JsonReader reader)
        {
            var start = r.TokenStart(ref reader);
            r.Skip(ref reader);
            var end = r.TokenEnd(ref reader);
            var bytes = new byte[end - start];
            using var handle = File.OpenHandle(path);
            RandomAccess.Read(handle, bytes, start);
            return Encoding.UTF8.GetString(bytes);
        }
    }

    /// <summary>
    /// A <see cref="Utf8JsonReader"/> over a file read in chunks: the reader is handed back and
    /// forth by ref, and refilled (keeping its state, so line numbers stay right) when a token
    /// runs past the end of what is buffered.
    /// </summary>
    private sealed class Chunked
    {
        private readonly Stream? _stream;
        private byte[] _buffer;
        private int _length;
        private int _consumed;
        private long _base;
        private bool _final;

        public Chunked(Stream stream, long offset, int bufferSize)
        {
            _stream = stream;
            _base = offset;
            _buffer = new byte[Math.Max(bufferSize, 16)];
        }

        /// <summary>A whole file already in memory: one buffer, never refilled.</summary>
        public Chunked(ArraySegment<byte> whole)
        {
            _buffer = whole.Array!;
            _base = -whole.Offset; // file offsets count from the segment's start
            _consumed = whole.Offset;
            _length = whole.Offset + whole.Count;
            _final = true;
        }

        /// <summary>True when the whole file is in the buffer (its offsets are the file's).</summary>
        public bool InMemory => _stream is null;

        public Utf8JsonReader Start()
        {
            if (_stream is not null)
            {
                _stream.Seek(_base, SeekOrigin.Begin);
                Fill();
            }
            return new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, new JsonReaderState(Options));
        }

        /// <summary>The text of the file between two offsets (only for a file in memory).</summary>
        public string Text(long start, long end) => Encoding.UTF8.GetString(_buffer, (int)(start - _base), (int)(end - start));

        public Utf8JsonReader Resume(JsonReaderState state) => new(_buffer.AsSpan(_consumed, _length - _consumed), _final, state);

        /// <summary>Remembers how far the reader got, for <see cref="Resume"/>.</summary>
        public void Save(ref Utf8JsonReader reader) => _consumed += (int)reader.BytesConsumed;

        /// <summary>The file offset where the current token starts.</summary>
        public long TokenStart(ref Utf8JsonReader reader) => _base + _consumed + reader.TokenStartIndex;

        /// <summary>The file offset just after the current token.</summary>
        public long TokenEnd(ref Utf8JsonReader reader) => _base + _consumed + reader.BytesConsumed;

        /// <summary>The next token; false at the end of the input.</summary>
        public bool Next(ref Utf8JsonReader reader)
        {
            while (!reader.Read())
            {
                if (_final) return false;
                Refill(ref reader);
            }
            return true;
        }

        /// <summary>Skips the value at the current token (all of it, for an object or array).</summary>
        public void Skip(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
            var depth = reader.CurrentDepth;
            while (Next(ref reader) && reader.CurrentDepth > depth)
            {
            }
        }

        /// <summary>Reads to the end: only comments and whitespace may follow the root value.</summary>
        public void Finish(ref Utf8JsonReader reader)
        {
            while (Next(ref reader))
            {
            }
        }

        private void Refill(ref Utf8JsonReader reader)
        {
            var state = reader.CurrentState;
            _consumed += (int)reader.BytesConsumed;
            var left = _length - _consumed;
            if (_consumed == 0 && left == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // one token bigger than the buffer
            Buffer.BlockCopy(_buffer, _consumed, _buffer, 0, left);
            _base += _consumed;
            _length = left;
            _consumed = 0;
            Fill();
            reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, state);
        }

        private void Fill()
        {
            while (_length < _buffer.Length)
            {
                var n = _stream!.Read(_buffer, _length, _buffer.Length - _length);
                if (n == 0)
                {
                    _final = true;
                    return;
                }
                _length += n;
            }
        }
    }
}
