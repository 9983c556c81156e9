namespace FoiKit.Model;

/// <summary>Whose figures a transcript holds.</summary>
public enum SourceKind
{
    /// <summary>The force's own FOI answer.</summary>
    ForceResponse,
    /// <summary>Figures as a news article printed them.</summary>
    PublishedArticle,
}

public static class SourceKindNames
{
    public static string ToContract(this SourceKind value) => ContractNames<SourceKind>.Of(value);

    public static bool TryParse(string? text, out SourceKind kind) => ContractNames<SourceKind>.TryParse(text, SourceKind.ForceResponse, out kind);
}

/// <summary>One printed table, cells kept exactly as printed.</summary>
/// <param name="Index">1-based position of the table in its file.</param>
/// <param name="Question">The request question it answers ("1", "1a").</param>
/// <param name="Caption">Caption as printed (may be empty).</param>
/// <param name="Columns">Header cells.</param>
/// <param name="Rows">Rows of cells; the enumerable may be streamed.</param>
/// <param name="Location">Where in a spreadsheet the table sits (sheet name), empty for transcripts.</param>
public sealed record SourceTable(
    int Index,
    string Question,
    string Caption,
    IReadOnlyList<string> Columns,
    IEnumerable<SourceRow> Rows,
    string Location = "")
{
    /// <summary>
    /// For spreadsheets: the sheet's 1-based column number of each table column, so provenance
    /// points at the real cell. Null means table column i is column i + 1 (transcripts).
    /// </summary>
    public IReadOnlyList<int>? ColumnNumbers { get; init; }

    /// <summary>When set, every data cell of the table goes to the rejects ledger with this reason (e.g. a repeated table).</summary>
    public string? RejectReason { get; init; }

    /// <summary>The 1-based source column of the 0-based table column <paramref name="index"/>.</summary>
    public int SourceColumn(int index)
    {
        if (ColumnNumbers is not { Count: > 0 } n) return index + 1;
        return index < n.Count ? n[index] : n[^1] + (index - n.Count + 1);
    }
}

/// <summary>One printed row. <paramref name="Number"/> is 1-based within its table.</summary>
public sealed record SourceRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>One FOI answer, or one article's printed figures, as transcribed (contract §1).</summary>
public sealed record ResponseTranscript(
    string SourceFile,
    string RequestId,
    SourceKind Kind,
    string ForcePrinted,
    string SourceUrl,
    string RequestRef,
    string ResponseDate,
    string MethodNotes,
    bool Truncated,
    string Notes,
    IReadOnlyList<SourceTable> Tables)
{
    /// <summary>What the reader noticed and did not silently fix (skipped notes, hidden sheets, formulas, …).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>
    /// Text the source printed outside its tables and its transcript fields (notes under a table on a
    /// sheet), with where it is: read with the rest of the source for what it says (its year basis).
    /// </summary>
    public IReadOnlyList<PrintedText> PrintedNotes { get; init; } = [];

    /// <summary>The original document the tables were extracted from (contract §6); null for a transcript typed by hand.</summary>
    public ExtractedFrom? ExtractedFrom { get; init; }

    /// <summary>
    /// <c>draft</c> (extracted by the kit, not yet checked by a person), <c>checked</c> (a person
    /// compared it with the original), or empty (a hand transcript, which says nothing).
    /// </summary>
    public string Review { get; init; } = "";

    /// <summary>True when the figures come from an extraction no person has checked yet.</summary>
    public bool IsUncheckedExtraction => Review == TranscriptReview.Draft;
}

/// <summary>A piece of text a source printed, and where ("rows 9-10 of sheet 'Q1'").</summary>
public sealed record PrintedText(string Where, string Text);

/// <summary>Where a draft transcript came from: the original file's name, its SHA-256 and its format (<c>html</c>, <c>docx</c>, <c>pdf</c>).</summary>
public sealed record ExtractedFrom(string File, string Sha256, string Format);

/// <summary>The values of a transcript's <c>review</c> field (contract §6).</summary>
public static class TranscriptReview
{
    public const string Draft = "draft";

    public const string Checked = "checked";

    /// <summary>How the warning on figures from an unchecked extraction (a draft, or an original document) begins, so a run can pick it out.</summary>
    public const string UncheckedExtraction = "its figures come from an unchecked extraction";
}
