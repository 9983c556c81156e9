using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read;

/// <summary>Reads a response transcript (contract §1) exactly as written: nothing is interpreted here.</summary>
public static class TranscriptReader
{
    public const string Schema = "foi-response/1";

    /// <summary>Files at least this big are streamed (<see cref="ReadStreaming"/>) rather than loaded whole.</summary>
    internal const long StreamingThreshold = 4 << 20;

    /// <summary>Reads a transcript; a file that cannot be one gets a one-sentence reason naming it.</summary>
    /// <param name="path">File path as given on the command line (kept as the provenance name).</param>
    public static Parsed<ResponseTranscript> Read(string path)
    {
        // A whole-file document costs about ten times the file in memory: large files are streamed.
        try
        {
            if (File.Exists(path) && new FileInfo(path).Length >= StreamingThreshold) return ReadStreaming(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<ResponseTranscript>.Fail($"{path}: cannot be read ({e.Message})");
        }
        // The file goes into a pooled buffer, not a new array: an array of 85 kB or more is a large
        // object, and allocating one per file made the GC run full collections again and again.
        byte[]? rented = null;
        try
        {
            int length;
            try
            {
                length = ReadInto(path, ref rented);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Parsed<ResponseTranscript>.Fail($"{path}: cannot be read ({e.Message})");
            }
            // One pass of a JSON reader over the bytes, rows included: the same result as building a
            // document and reading it (ReadWithDocument, kept as the reference), at a fraction of the cost.
            // Nothing read refers to the buffer afterwards (every text is a new string).
            return TranscriptStream.ReadBytes(path, new ArraySegment<byte>(rented, 0, length));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a whole file (opened as <see cref="File.ReadAllBytes"/> opens it) into a buffer rented from the pool.</summary>
    private static int ReadInto(string path, [NotNull] ref byte[]? rented)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var size = RandomAccess.GetLength(handle);
        if (size <= 0 || size > StreamingThreshold)
        {
            // A file that does not say its length (or grew past the threshold since it was looked at): as before.
            handle.Dispose();
            var bytes = File.ReadAllBytes(path);
            rented = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
            bytes.CopyTo(rented, 0);
            return bytes.Length;
        }
        rented = ArrayPool<byte>.Shared.Rent((int)size);
        var total = 0;
        while (total < size)
        {
            var n = RandomAccess.Read(handle, rented.AsSpan(total, (int)size - total), total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>
    /// Reads a transcript by building a <see cref="JsonDocument"/> of the whole file and reading it
    /// with <see cref="FromJson"/>: the plain reader that <see cref="Read"/> and <see cref="ReadStreaming"/>
    /// must agree with (tests compare them), slower and needing about ten times the file in memory.
    /// </summary>
    /// <param name="path">File path as given on the command line (kept as the provenance name).</param>
    internal static Parsed<ResponseTranscript> ReadWithDocument(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<ResponseTranscript>.Fail($"{path}: cannot be read ({e.Message})");
        }
        if (bytes.Length == 0) return Parsed<ResponseTranscript>.Fail($"{path}: the file is empty");
        try
        {
            using var doc = JsonDocument.Parse(bytes, JsonOptions.Document);
            return FromJson(doc.RootElement, path);
        }
        catch (JsonException e)
        {
            return Parsed<ResponseTranscript>.Fail($"{path}: not valid JSON ({JsonOptions.Describe(e)}); is the file complete?");
        }
    }

    /// <summary>
    /// Reads a transcript without holding it in memory: the file is checked whole first (same
    /// checks and messages as <see cref="Read"/>), then each table's rows are read from the file as
    /// they are enumerated, so a transcript of millions of rows needs a buffer, not gigabytes.
    /// </summary>
    /// <param name="path">File path as given on the command line (kept as the provenance name).</param>
    /// <param name="bufferSize">Bytes read at a time (grown when one value is bigger).</param>
    internal static Parsed<ResponseTranscript> ReadStreaming(string path, int bufferSize = 1 << 16) => TranscriptStream.Read(path, bufferSize);

    /// <summary>True when a JSON file looks like a transcript (used to pick transcripts out of a folder).</summary>
    internal static bool LooksLikeTranscript(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(4096, stream.Length)];
            var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var head = System.Text.Encoding.UTF8.GetString(buffer, 0, n);
            return head.Contains("\"tables\"", StringComparison.Ordinal) || head.Contains(Schema, StringComparison.Ordinal)
                || !head.Contains("\"questions\"", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true; // let Read report it
        }
    }

    internal static Parsed<ResponseTranscript> FromJson(JsonElement root, string path)
    {
        Parsed<ResponseTranscript> Fail(string why) => Parsed<ResponseTranscript>.Fail($"{path}: {why}");

        if (root.ValueKind != JsonValueKind.Object) return Fail("a response transcript must be a JSON object");
        var schema = JsonOptions.Text(root, "schema");
        if (schema.Length > 0 && schema != Schema) return Fail($"schema '{schema}' is not supported (expected '{Schema}')");
        var request = JsonOptions.Text(root, "request");
        if (request.Length == 0) return Fail("no 'request' id: which FOI request does this answer?");
        var kindText = JsonOptions.Text(root, "kind");
        if (!SourceKindNames.TryParse(kindText, out var kind))
            return Fail(kindText.Length == 0 ? "no 'kind' (force_response or published_article)" : $"kind '{kindText}' is not force_response or published_article");
        var force = JsonOptions.Text(root, "force");
        if (force.Length == 0) return Fail("no 'force' named");
        if (!root.TryGetProperty("tables", out var tablesEl) || tablesEl.ValueKind != JsonValueKind.Array)
            return Fail("no 'tables' list");

        var tables = new List<SourceTable>();
        var index = 0;
        foreach (var t in tablesEl.EnumerateArray())
        {
            index++;
            if (t.ValueKind != JsonValueKind.Object) return Fail($"table {index} is not an object with columns and rows");
            if (!t.TryGetProperty("columns", out var colsEl) || colsEl.ValueKind != JsonValueKind.Array)
                return Fail($"table {index} has no 'columns' list");
            if (!t.TryGetProperty("rows", out var rowsEl) || rowsEl.ValueKind != JsonValueKind.Array)
                return Fail($"table {index} has no 'rows' list");
            var columns = new List<string>();
            foreach (var c in colsEl.EnumerateArray())
            {
                if (JsonOptions.Scalar(c) is not { } header) return Fail($"table {index} has a column header that is not text");
                columns.Add(header);
            }
            var rows = new List<SourceRow>();
            var r = 0;
            foreach (var rowEl in rowsEl.EnumerateArray())
            {
                r++;
                if (rowEl.ValueKind != JsonValueKind.Array)
                {
                    // Kept as a one-cell row so the normaliser can put it in the rejects ledger.
                    rows.Add(new SourceRow(r, [null]));
                    continue;
                }
                var cells = new List<string?>(rowEl.GetArrayLength());
                // An object or list where a cell belongs is kept as its JSON text, so it is rejected, not blanked.
                foreach (var cell in rowEl.EnumerateArray()) cells.Add(JsonOptions.Scalar(cell) ?? cell.GetRawText());
                rows.Add(new SourceRow(r, cells));
            }
            tables.Add(new SourceTable(index, JsonOptions.Text(t, "question"), JsonOptions.Text(t, "caption"), columns, rows));
        }

        var transcript = new ResponseTranscript(
            path, request, kind, force,
            JsonOptions.Text(root, "source_url"), JsonOptions.Text(root, "request_ref"),
            JsonOptions.Text(root, "response_date"), JsonOptions.Text(root, "method_notes"),
            root.TryGetProperty("truncated", out var tr) && tr.ValueKind == JsonValueKind.True,
            JsonOptions.Text(root, "notes"), tables);
        Dictionary<string, string?>? extracted = null;
        var extractedKind = JsonTokenType.None;
        if (root.TryGetProperty("extracted_from", out var ex))
        {
            extractedKind = ex.ValueKind == JsonValueKind.Object ? JsonTokenType.StartObject : JsonTokenType.String;
            if (ex.ValueKind == JsonValueKind.Object)
            {
                extracted = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var p in ex.EnumerateObject()) extracted[p.Name] = JsonOptions.Scalar(p.Value);
            }
        }
        return WithExtraction(transcript, extractedKind, extracted, JsonOptions.Text(root, "review"));
    }

    /// <summary>
    /// Adds the optional <c>extracted_from</c> and <c>review</c> fields (contract §6) to a transcript
    /// read by either reader, checks them, and warns when the figures come from an unchecked extraction.
    /// </summary>
    /// <param name="kind">The JSON token that held <c>extracted_from</c> (None when absent).</param>
    internal static Parsed<ResponseTranscript> WithExtraction(ResponseTranscript t, JsonTokenType kind,
        Dictionary<string, string?>? extracted, string review)
    {
        var path = t.SourceFile;
        ExtractedFrom? from = null;
        if (kind != JsonTokenType.None && kind != JsonTokenType.Null)
        {
            if (extracted is null)
                return Parsed<ResponseTranscript>.Fail($"{path}: 'extracted_from' must be an object with 'file', 'sha256' and 'format'");
            string Field(string name) => extracted.GetValueOrDefault(name) ?? "";
            if (extracted.Values.Any(v => v is null))
                return Parsed<ResponseTranscript>.Fail($"{path}: 'extracted_from' must hold only text ('file', 'sha256', 'format')");
            from = new ExtractedFrom(Field("file"), Field("sha256"), Field("format"));
        }
        review = review.Trim();
        if (review.Length > 0 && review is not (TranscriptReview.Draft or TranscriptReview.Checked))
            return Parsed<ResponseTranscript>.Fail($"{path}: review '{review}' is not '{TranscriptReview.Draft}' or '{TranscriptReview.Checked}'");
        if (from is null && review.Length == 0) return Parsed<ResponseTranscript>.Success(t);
        var result = t with { ExtractedFrom = from, Review = review };
        if (review == TranscriptReview.Draft)
        {
            var of = from is { File.Length: > 0 } ? $" of '{from.File}'" : "";
            result = result with
            {
                Warnings = [.. t.Warnings, new Diagnostic(Severity.Warning, path,
                    $"{TranscriptReview.UncheckedExtraction}{of} (review: draft): compare every table with the original, then set \"review\": \"checked\"")],
            };
        }
        return Parsed<ResponseTranscript>.Success(result);
    }
}
