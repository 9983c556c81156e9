using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Text;

/// <summary>
/// Reads one printed cell. Suppression and "not held" markers become a status with no number;
/// anything that is not a whole, non-negative count fails with a reason (it goes to the rejects
/// ledger, never into the data).
/// </summary>
internal static class CellValueParser
{
    // Markers meaning "there is a figure but it is withheld".
    private static readonly HashSet<string> Suppressed = new(StringComparer.OrdinalIgnoreCase)
    {
        "*", "**", "***", "[c]", "c", "[low]", "<5", "< 5", "<3", "< 3", "<10", "< 10", "≤5", "<=5", "1-4", "1 to 4", "suppressed", "redacted", "withheld",
    };

    // Markers meaning "no figure is available" (not held, not applicable, nil not stated).
    private static readonly HashSet<string> NotAvailable = new(StringComparer.OrdinalIgnoreCase)
    {
        "-", "\u2013", "\u2014", "--", "[x]", "x", "[z]", "z", "n/a", "na", "[n/a]", "n.a.", "not held", "not recorded", "not available",
        "no data", "..", "…", "unknown", "information not held", "data not held", "not applicable",
    };

    public static Parsed<CellValue> Parse(string? raw)
    {
        var text = raw ?? "";
        // Most cells are plain counts ("12", "1,234"): no marker is one, so they are tried first.
        if (text.Length > 0 && char.IsAsciiDigit(text[0]) && TryCount(text, out var plain))
            return Parsed<CellValue>.Success(new CellValue(text, plain, ValueStatus.Reported));
        var t = text.Trim().Replace('\u00a0', ' ');
        if (t.Length == 0) return Parsed<CellValue>.Success(new CellValue(text, null, ValueStatus.NotAvailable));
        if (Suppressed.Contains(t)) return Parsed<CellValue>.Success(new CellValue(text, null, ValueStatus.Suppressed));
        if (NotAvailable.Contains(t)) return Parsed<CellValue>.Success(new CellValue(text, null, ValueStatus.NotAvailable));
        if (t.Length > 1 && (t[0] == '<' || t[0] == '\u2264')) return Parsed<CellValue>.Success(new CellValue(text, null, ValueStatus.Suppressed));

        var span = t.AsSpan();
        var negative = span[0] is '-' or '\u2212' || (span[0] == '(' && span[^1] == ')');
        if (TryCount(span, out var value)) return Parsed<CellValue>.Success(new CellValue(text, value, ValueStatus.Reported));
        if (negative && TryCount(span.TrimStart("-\u2212(").TrimEnd(')'), out _))
            return Parsed<CellValue>.Fail($"'{Show(text)}' is a negative count");
        if (decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return Parsed<CellValue>.Fail(d < 0 ? $"'{Show(text)}' is a negative count" : $"'{Show(text)}' is not a whole number");
        if (t.EndsWith('%')) return Parsed<CellValue>.Fail($"'{Show(text)}' is a percentage, not a count");
        return Parsed<CellValue>.Fail($"'{Show(text)}' is text where a count belongs");
    }

    /// <summary>
    /// The counts a suppression marker allows, where it says: "&lt;5" is 0 to 4, "≤5" or "&lt;=5" 0 to 5, "1-4" or
    /// "1 to 4" 1 to 4; null for markers that bound nothing ("*", "[c]", "redacted") and for anything else.
    /// </summary>
    public static (long Low, long High)? SuppressedBounds(string? raw)
    {
        var t = (raw ?? "").Trim().Replace('\u00a0', ' ');
        if (t.StartsWith("<=", StringComparison.Ordinal)) return UpTo(t[2..], 0);
        if (t.StartsWith('\u2264')) return UpTo(t[1..], 0);
        if (t.StartsWith('<')) return UpTo(t[1..], -1);
        var parts = t.Split(["-", "\u2013", " to "], 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && TryCount(parts[0], out var low) && TryCount(parts[1], out var high) && low <= high ? (low, high) : null;

        static (long, long)? UpTo(string number, int shift) =>
            TryCount(number.Trim(), out var n) && n + shift >= 0 ? (0, n + shift) : null;
    }

    /// <summary>Digits with optional thousands separators (",", " ") and an optional ".0".</summary>
    private static bool TryCount(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        if (s.EndsWith(".0") || s.EndsWith(".00")) s = s[..s.IndexOf('.')];
        if (s.IsEmpty || !char.IsAsciiDigit(s[0])) return false;
        var digitsInGroup = 0;
        var sawSeparator = false;
        foreach (var ch in s)
        {
            if (char.IsAsciiDigit(ch))
            {
                if (value > (long.MaxValue - 9) / 10) return false;
                value = (value * 10) + (ch - '0');
                digitsInGroup++;
            }
            else if (ch is ',' or ' ' or '\u202f')
            {
                // A separator must follow 1-3 digits at first and exactly 3 afterwards.
                if (digitsInGroup == 0 || digitsInGroup > 3 || (sawSeparator && digitsInGroup != 3)) return false;
                sawSeparator = true;
                digitsInGroup = 0;
            }
            else
            {
                return false;
            }
        }
        return !sawSeparator || digitsInGroup == 3;
    }

    /// <summary>Long cells are cut in messages, so one bad cell cannot flood a report.</summary>
    internal static string Show(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
