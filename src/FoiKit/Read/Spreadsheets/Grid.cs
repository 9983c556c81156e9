namespace FoiKit.Read.Spreadsheets;

/// <summary>
/// One row of a sheet or CSV file. <see cref="Number"/> is the 1-based row number a spreadsheet
/// program shows; <c>Cells[0]</c> is column 1 (A). Cells are kept exactly as printed.
/// </summary>
internal sealed record GridRow(int Number, string?[] Cells)
{
    public string Cell(int column) => column < Cells.Length ? Cells[column] ?? "" : "";

    public bool IsBlank(int column) => string.IsNullOrWhiteSpace(column < Cells.Length ? Cells[column] : null);

    /// <summary>How many cells hold something.</summary>
    public int Filled => Cells.Count(c => !string.IsNullOrWhiteSpace(c));

    public int FirstFilled => Array.FindIndex(Cells, c => !string.IsNullOrWhiteSpace(c));

    public int LastFilled => Array.FindLastIndex(Cells, c => !string.IsNullOrWhiteSpace(c));
}

/// <summary>
/// A sheet (or a whole CSV file) as rows of text: only rows holding something are kept, so a gap
/// between row numbers is a blank row.
/// </summary>
/// <param name="Name">Sheet name; empty for a CSV file.</param>
/// <param name="Rows">Non-blank rows in order.</param>
/// <param name="PadRows">Spreadsheets: a row's missing cells are empty cells (rows cannot be "short"). CSV: rows keep their field count.</param>
internal sealed record Grid(string Name, IReadOnlyList<GridRow> Rows, bool PadRows);
