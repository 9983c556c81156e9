namespace FoiKit.Model;

/// <summary>Where a figure came from: file, table, row, column and URL.</summary>
/// <param name="SourceFile">The input file as given on the command line.</param>
/// <param name="Table">1-based table index in the file.</param>
/// <param name="Row">1-based row index in the table.</param>
/// <param name="Column">1-based column index in the table (0 when unknown).</param>
/// <param name="Url">The source URL from the transcript.</param>
/// <param name="Location">Sheet name for spreadsheets; empty otherwise.</param>
public sealed record Provenance(string SourceFile, int Table, int Row, int Column, string Url, string Location = "")
{
    public override string ToString() =>
        $"{SourceFile}, {(Location.Length > 0 ? $"sheet '{Location}', " : "")}table {Table}, row {Row}" + (Column > 0 ? $", column {Column}" : "");
}

/// <summary>One tidy observation: one printed figure with everything known about it (contract §3).</summary>
public sealed record Observation(
    string RequestId,
    Force Force,
    SourceKind SourceKind,
    string Question,
    Measure Measure,
    Period Period,
    Category Category,
    CellValue Value,
    Provenance Source);

/// <summary>A cell that could not be used, with the reason; columns as far as known (contract §3).</summary>
public sealed record Reject(
    string RequestId,
    string ForceId,
    string ForceName,
    string SourceKind,
    string Question,
    string Measure,
    string PeriodLabel,
    string CategoryLabel,
    string RawValue,
    Provenance Source,
    string Reason);
