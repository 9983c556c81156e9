using System.Globalization;
using System.Text.RegularExpressions;
using FoiKit.Model;

namespace FoiKit.Text;

/// <summary>
/// The basis a label that gives no day ("2021/22") takes, and what decided it: the basis its source
/// states, else the request's. One object per source and table, compared by reference, so the
/// normaliser's caches key on it cheaply.
/// </summary>
/// <param name="basis">The basis to take (a bare April-year label is a tax year only when this says so, else a financial year).</param>
/// <param name="source">What decided it, for <see cref="Period.BasisSource"/>.</param>
/// <param name="note">Why, for <see cref="Period.Note"/>.</param>
internal sealed class BareLabelBasis(PeriodBasis? basis, string source, string note)
{
    public PeriodBasis? Basis { get; } = basis;

    public string Source { get; } = source;

    public string Note { get; } = note;

    /// <summary>The source states no basis: the request's, as its definition says.</summary>
    public static BareLabelBasis Request(PeriodBasis? requested) => requested switch
    {
        PeriodBasis.TaxYear => RequestTax,
        null => RequestNone,
        PeriodBasis.FinancialYear => RequestFinancial,
        _ => new(requested, PeriodBasisSources.Request, "label gives no day: read as the financial_year the request asked for"),
    };

    private static readonly BareLabelBasis RequestTax = new(PeriodBasis.TaxYear, PeriodBasisSources.Request,
        "label gives no day: read as the 6 April to 5 April year the request asked for");

    private static readonly BareLabelBasis RequestFinancial = new(PeriodBasis.FinancialYear, PeriodBasisSources.Request,
        "label gives no day: read as the financial_year the request asked for");

    private static readonly BareLabelBasis RequestNone = new(null, PeriodBasisSources.Request,
        "label gives no day: read as the 1 April to 31 March financial year (no basis in the request)");

    /// <summary>The basis the source states, named by the statements that state it ("stated: notes ('full months'); caption of table 1 ('financial year')").</summary>
    public static BareLabelBasis Stated(PeriodBasis basis, IReadOnlyList<BasisStatement> statements)
    {
        var named = string.Join("; ", statements.Select(s => $"{s.Where} ('{s.Words}')"));
        return new(basis, PeriodBasisSources.StatedPrefix + named,
            $"label gives no day: read as {StatedBasisReader.Describe(basis)}, as the source states ({named})");
    }
}

/// <summary>
/// Reads period labels the way forces and articles print them. Explicit dates decide the basis
/// (6 April–5 April is a tax year, 1 April–31 March a financial year); a bare "2021/22" takes
/// the basis its source states, else the basis the request asked for (<see cref="BareLabelBasis"/>),
/// and says which in <see cref="Period.Note"/> and <see cref="Period.BasisSource"/>. Wording whose
/// dates cannot be known ("the following year", "this year so far") is kept with no dates, never guessed.
/// </summary>
internal static partial class PeriodParser
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Reads one label.</summary>
    /// <param name="label">As printed.</param>
    /// <param name="requestedBasis">The basis the request asked for, used for bare April-year labels.</param>
    public static Period Parse(string label, PeriodBasis? requestedBasis = null) => Parse(label, BareLabelBasis.Request(requestedBasis));

    /// <summary>Reads one label; a label that gives no day takes <paramref name="bare"/>'s basis.</summary>
    public static Period Parse(string label, BareLabelBasis bare)
    {
        var p = Read(label, bare, out var fromBare);
        return !p.HasDates ? p : p with { BasisSource = fromBare ? bare.Source : PeriodBasisSources.Label };
    }

    private static Period Read(string label, BareLabelBasis bare, out bool fromBare)
    {
        fromBare = false;
        var requestedBasis = bare.Basis;
        var text = Clean(label);
        if (text.Length == 0) return Period.Undated(label, PeriodBasis.Other, "no period printed");

        // Two dates: "6th Apr 2021 to 5th Apr 2022", "01/04/2021 - 31/03/2022".
        var range = DateRange().Match(text);
        if (range.Success && TryDate(range.Groups["a"].Value, out var a) && TryDate(range.Groups["b"].Value, out var b))
            return FromDates(label, a, b);

        // Two months: "April 2021 to March 2022", "Apr 21 - Mar 22".
        var months = MonthRange().Match(text);
        if (months.Success && TryMonth(months.Groups["m1"].Value, out var m1) && TryMonth(months.Groups["m2"].Value, out var m2))
        {
            var y1 = Year(months.Groups["y1"].Value);
            var y2 = Year(months.Groups["y2"].Value);
            var start = new DateOnly(y1, m1, 1);
            var end = new DateOnly(y2, m2, DateTime.DaysInMonth(y2, m2));
            if (end >= start) return FromDates(label, start, end);
        }

        // April-to-April year ranges: "2021/22 to 2023/24".
        var fyRange = YearPairRange().Match(text);
        if (fyRange.Success && TryYearPair(fyRange.Groups["a1"].Value, fyRange.Groups["a2"].Value, out var first)
            && TryYearPair(fyRange.Groups["b1"].Value, fyRange.Groups["b2"].Value, out var last) && last.StartYear >= first.StartYear)
        {
            var basis = requestedBasis is PeriodBasis.TaxYear ? PeriodBasis.TaxYear : PeriodBasis.FinancialYear;
            fromBare = true;
            return new Period(label, first.Start(basis), last.End(basis), first == last ? basis : PeriodBasis.MultiYear, bare.Note);
        }

        // One April-to-April year: "2021/22", "2021-2022", "FY21/22", "FY 2021/22".
        var pair = YearPair().Match(text);
        if (pair.Success && TryYearPair(pair.Groups["y1"].Value, pair.Groups["y2"].Value, out var fy))
        {
            if (pair.Groups["fy"].Success)
                return Period.OfFinancialYear(label, fy, PeriodBasis.FinancialYear, "'FY' read as the 1 April to 31 March financial year");
            var basis = requestedBasis is PeriodBasis.TaxYear ? PeriodBasis.TaxYear : PeriodBasis.FinancialYear;
            fromBare = true;
            return Period.OfFinancialYear(label, fy, basis, bare.Note);
        }

        // One calendar year, kept as such: "2021", "calendar year 2021", "Jan-Dec 2021".
        var year = CalendarYear().Match(text);
        if (year.Success)
        {
            var y = int.Parse(year.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new Period(label, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), PeriodBasis.CalendarYear);
        }

        if (MultiYearWording().IsMatch(text))
            return Period.Undated(label, PeriodBasis.MultiYear, "several years; exact dates not printed");

        return Period.Undated(label, PeriodBasis.Other, "dates cannot be known from this wording");
    }

    /// <summary>Classifies an explicit date range.</summary>
    public static Period FromDates(string label, DateOnly start, DateOnly end)
    {
        if (end < start) return new Period(label, start, end, PeriodBasis.Other, "the end date is before the start date");
        PeriodBasis basis;
        if (start.Month == 4 && start.Day == 6 && end.Month == 4 && end.Day == 5)
            basis = end.Year == start.Year + 1 ? PeriodBasis.TaxYear : PeriodBasis.MultiYear;
        else if (start.Month == 4 && start.Day == 1 && end.Month == 3 && end.Day == 31)
            basis = end.Year == start.Year + 1 ? PeriodBasis.FinancialYear : PeriodBasis.MultiYear;
        else if (start.Month == 1 && start.Day == 1 && end.Month == 12 && end.Day == 31)
            basis = end.Year == start.Year ? PeriodBasis.CalendarYear : PeriodBasis.MultiYear;
        else
            basis = PeriodBasis.Other;
        return new Period(label, start, end, basis);
    }

    private static string Clean(string label)
    {
        var t = label.Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' ').Trim();
        t = t.Trim('(', ')', '*', '.', ':');
        return MultiSpace().Replace(t, " ").Trim();
    }

    private static int Year(string y)
    {
        var n = int.Parse(y, CultureInfo.InvariantCulture);
        return y.Length == 2 ? 2000 + n : n;
    }

    private static bool TryYearPair(string y1, string y2, out FinancialYear fy)
    {
        fy = default;
        var a = Year(y1);
        var b = y2.Length == 4 ? int.Parse(y2, CultureInfo.InvariantCulture) : (a / 100 * 100) + int.Parse(y2, CultureInfo.InvariantCulture);
        if (y2.Length == 2 && b < a) b += 100;
        if (b != a + 1) return false;
        fy = new FinancialYear(a);
        return true;
    }

    private static bool TryMonth(string name, out int month)
    {
        month = 0;
        if (name.Length < 3) return false;
        var key = name[..3].ToLowerInvariant();
        month = Array.IndexOf(MonthNames, key) + 1;
        if (month == 0) return false;
        // "Sept" and full names are fine; anything else starting like a month is not.
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return full.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.Equals("sept", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        var t = text.Trim().TrimEnd(',', '.');
        var named = NamedDate().Match(t);
        if (named.Success && TryMonth(named.Groups["m"].Value, out var m))
        {
            var y = Year(named.Groups["y"].Value);
            var d = int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
            date = new DateOnly(y, m, d);
            return true;
        }
        // UK numeric dates are day first; ISO dates are year first.
        string[] formats = ["d/M/yyyy", "d/M/yy", "d.M.yyyy", "d-M-yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    [GeneratedRegex(@"^(?<a>.+?)\s*(?:\bto\b|\buntil\b|\s-\s|-(?=\s*\d)|\s-(?=\d))\s*(?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateRange();

    [GeneratedRegex(@"^(?:from\s+)?(?<m1>[A-Za-z]{3,9})[\s\-']+(?<y1>\d{4}|\d{2})\s*(?:to|until|-)\s*(?<m2>[A-Za-z]{3,9})[\s\-']+(?<y2>\d{4}|\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4}|\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedDate();

    [GeneratedRegex(@"^(?:(?:financial|fiscal)\s+year\s+|(?<fy>FY)\s*)?(?<y1>\d{4}|(?<=FY\s*)\d{2})\s*(?:/|-|to)\s*(?<y2>\d{4}|\d{2})(?:\s*(?:financial year|FY))?$", RegexOptions.IgnoreCase)]
    private static partial Regex YearPair();

    [GeneratedRegex(@"^(?:FY\s*)?(?<a1>\d{4})\s*[/-]\s*(?<a2>\d{2}|\d{4})\s*(?:to|-|until)\s*(?:FY\s*)?(?<b1>\d{4})\s*[/-]\s*(?<b2>\d{2}|\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex YearPairRange();

    [GeneratedRegex(@"^(?:calendar\s+year\s+|CY\s*|jan(?:uary)?\s*(?:-|to)\s*dec(?:ember)?\s+)?(?<y>(?:19|20)\d{2})(?:\s+calendar\s+year)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarYear();

    [GeneratedRegex(@"\b(since\s+(?:19|20)\d{2}|(?:last|past|over|across)\s+(?:the\s+)?(?:two|three|four|five|\d+)\s+years|(?:two|three|four|five|six|[2-9])[- ]year|(?:19|20)\d{2}\s*(?:-|to)\s*(?:19|20)\d{2}\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MultiYearWording();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();
}
