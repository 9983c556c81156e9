using System.Text.Encodings.Web;
using System.Text.Json;
using FoiKit.Model;

namespace FoiKit.Read.Documents;

/// <summary>
/// Writes a transcript as <c>foi-response/1</c> JSON (contract §1), with <c>extracted_from</c> and
/// <c>review</c> (contract §6) when it has them: the draft a person checks against the original
/// document. What the extraction noticed is written into <c>notes</c>, one line each, so the
/// person checking sees it in the file. Same transcript, same bytes.
/// </summary>
public static class DraftTranscriptWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Readable "£", "–" and quotes: the file is read by people, never embedded in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The draft's file name for each input, in order: <c>letter.pdf</c> gives <c>letter.json</c>,
    /// or <c>letter.pdf.json</c> when another input has the same name before its extension.</summary>
    public static IReadOnlyList<string> FileNames(IReadOnlyList<string> inputs)
    {
        var stems = inputs.Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        return inputs.Select((p, i) => stems.Count(s => string.Equals(s, stems[i], StringComparison.OrdinalIgnoreCase)) > 1
            ? Path.GetFileName(p) + ".json"
            : stems[i] + ".json").ToList();
    }

    /// <summary>Writes the draft into <paramref name="folder"/> under <paramref name="fileName"/>; returns its path.</summary>
    public static string WriteFile(ExtractedAnswer answer, string folder, string fileName)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(answer.Transcript, stream);
        return path;
    }

    /// <summary>Writes a transcript (its rows enumerated once) as UTF-8 JSON, ending in a newline.</summary>
    public static void Write(ResponseTranscript t, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("schema", TranscriptReader.Schema);
            w.WriteString("request", t.RequestId);
            w.WriteString("kind", t.Kind.ToContract());
            w.WriteString("force", t.ForcePrinted);
            w.WriteString("source_url", t.SourceUrl);
            w.WriteString("request_ref", t.RequestRef);
            w.WriteString("response_date", t.ResponseDate);
            w.WriteString("method_notes", t.MethodNotes);
            w.WriteStartArray("tables");
            foreach (var table in t.Tables)
            {
                w.WriteStartObject();
                w.WriteString("question", table.Question);
                w.WriteString("caption", table.Caption);
                w.WriteStartArray("columns");
                foreach (var c in table.Columns) w.WriteStringValue(c);
                w.WriteEndArray();
                w.WriteStartArray("rows");
                foreach (var row in table.Rows)
                {
                    w.WriteStartArray();
                    foreach (var cell in row.Cells) w.WriteStringValue(cell ?? "");
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("truncated", t.Truncated);
            w.WriteString("notes", Notes(t));
            if (t.ExtractedFrom is { } from)
            {
                w.WriteStartObject("extracted_from");
                w.WriteString("file", from.File);
                w.WriteString("sha256", from.Sha256);
                w.WriteString("format", from.Format);
                w.WriteEndObject();
            }
            if (t.Review.Length > 0) w.WriteString("review", t.Review);
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The transcript's notes, then (for a draft) what to check and what the extraction noticed.</summary>
    private static string Notes(ResponseTranscript t)
    {
        if (!t.IsUncheckedExtraction || t.ExtractedFrom is null) return t.Notes;
        var lines = new List<string>();
        if (t.Notes.Length > 0) lines.Add(t.Notes);
        lines.Add($"Draft extracted from '{t.ExtractedFrom.File}' ({t.ExtractedFrom.Format}): compare every table, caption and question with the original, then set \"review\" to \"checked\".");
        foreach (var d in t.Warnings)
            lines.Add("- " + (d.Table > 0 ? $"table {d.Table}: " : "") + d.Message);
        return string.Join("\n", lines);
    }
}
