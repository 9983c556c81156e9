using System.Globalization;

namespace FoiKit.Read.Spreadsheets;

/// <summary>Spreadsheet cell references: column letters and A1 names.</summary>
internal static class CellRef
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
