using System.Globalization;

namespace FoiKit.Read.Spreadsheets;

/// <summary>
/// One row of a sheet or CSV file. <see cref="Number"/> is the 1-based row number a spreadsheet
/// program shows; <c>Cells[0]</c> is column 1 (A). Cells are kept exactly as printed.
/// </summary>
public sealed record GridRow(int Number, string?[] Cells)
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
public sealed record Grid(string Name, IReadOnlyList<GridRow> Rows, bool PadRows);

/// <summary>Spreadsheet cell references: column letters and A1 names.</summary>
public static class CellRef
{
    /// <summary>1 -> A, 27 -> AA.</summary>
    public static string Column(int number)
    {
        var s = "";
        for (var n = number; n > 0; n = (n - 1) / 26) s = (char)('A' + ((n - 1) % 26)) + s;
        return s;
    }

    /// <summary>A 1-based column and row as "B5".</summary>
    public static string Name(int column, int row) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "B5" (or "$B$5") into 1-based column and row; false when it is not a cell reference.</summary>
    public static bool TryParse(string? text, out int column, out int row)
    {
        column = row = 0;
        if (string.IsNullOrEmpty(text)) return false;
        var i = 0;
        if (i < text.Length && text[i] == '$') i++;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            if (column > 16384) return false;
            i++;
        }
        if (i < text.Length && text[i] == '$') i++;
        if (column == 0 || i == text.Length) return false;
        return int.TryParse(text.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row is > 0 and <= 1_048_576;
    }

    /// <summary>Parses "A1:D3" (a single cell "B2" is a 1x1 range).</summary>
    public static bool TryParseRange(string? text, out (int Col1, int Row1, int Col2, int Row2) range)
    {
        range = default;
        if (string.IsNullOrEmpty(text)) return false;
        var parts = text.Split(':');
        if (parts.Length is < 1 or > 2) return false;
        if (!TryParse(parts[0], out var c1, out var r1)) return false;
        int c2 = c1, r2 = r1;
        if (parts.Length == 2 && !TryParse(parts[1], out c2, out r2)) return false;
        range = (Math.Min(c1, c2), Math.Min(r1, r2), Math.Max(c1, c2), Math.Max(r1, r2));
        return true;
    }

    /// <summary>Row numbers as short ranges: "4, 7-9".</summary>
    public static string Rows(IEnumerable<int> rows)
    {
        var sorted = rows.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
            if (parts.Count == 12 && i < sorted.Count) { parts.Add("…"); break; }
        }
        return string.Join(", ", parts);
    }
}
