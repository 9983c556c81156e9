using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Text;

/// <summary>What a period's wording is read against: the request's years and what surrounds the phrase.</summary>
/// <param name="Years">The request's April-to-April years (any order; kept sorted).</param>
/// <param name="Basis">The basis the request asked for (6 April for a tax year), if it said.</param>
/// <param name="Previous">The year of the dated figure printed just before ("the following year" counts from it).</param>
/// <param name="Published">The publication date, when known ("last year" and "this year" count from it).</param>
internal sealed record PeriodContext(IReadOnlyList<FinancialYear> Years, PeriodBasis? Basis = null, FinancialYear? Previous = null, DateOnly? Published = null)
{
    public IReadOnlyList<FinancialYear> Years { get; } = Years.Distinct().Order().ToList();

    public FinancialYear First => Years[0];

    public FinancialYear Latest => Years[^1];

    /// <summary>"2021/22 to 2023/24".</summary>
    public string Span => Years.Count == 1 ? First.Label : $"{First.Label} to {Latest.Label}";

    internal PeriodBasis DateBasis => Basis ?? PeriodBasis.FinancialYear;
}

/// <summary>Which rule of the grammar read a phrase.</summary>
internal enum PeriodForm
{
    /// <summary>No period printed ("", "not stated").</summary>
    Unstated,
    /// <summary>One April-to-April year as printed ("2023/24", "FY23/24", "2023 to 2024").</summary>
    Year,
    /// <summary>A bare calendar year printed for the April year starting in it ("2021").</summary>
    LooseYear,
    /// <summary>The request's latest year ("this year so far", "in the last year", "last year").</summary>
    Latest,
    /// <summary>A year counted from the figure before ("the following year").</summary>
    Relative,
    /// <summary>From a year to the latest ("since 2021/22").</summary>
    Since,
    /// <summary>A number of years ("in the last three years", "the three years to March 2024").</summary>
    Counted,
    /// <summary>The one year ending at a month or date ("in the year to March 2024").</summary>
    YearEnding,
    /// <summary>From one year to another ("between 2022/23 and 2023/24").</summary>
    Range,
    /// <summary>Every year of the request ("each year", "year on year").</summary>
    EveryYear,
    /// <summary>Read by no rule, or read to something the request's years cannot hold.</summary>
    Unresolved,
}

/// <summary>What a period phrase was read as.</summary>
/// <param name="Printed">The phrase as printed.</param>
/// <param name="Form">The rule that read it.</param>
/// <param name="Years">The request years it covers, in order; empty when unresolved.</param>
/// <param name="Name">The reading in words, for a verdict's note ("'since 2021/22' read as 2021/22 to 2023/24, …").</param>
/// <param name="LooseNote">When the wording was relabelled ("'2021' printed for 2021/22 …"); empty when it says what it means.</param>
/// <param name="Problem">Why it cannot be resolved to the request's years; null when it was.</param>
internal sealed record PeriodReading(string Printed, PeriodForm Form, IReadOnlyList<FinancialYear> Years, string Name, string LooseNote, string? Problem)
{
    public bool Ok => Problem is null && Years.Count > 0;

    public bool IsSingle => Ok && Years.Count == 1;

    /// <summary>The first year covered (the base of a rise).</summary>
    public FinancialYear? First => Ok ? Years[0] : null;

    /// <summary>The last year covered (the end of a rise).</summary>
    public FinancialYear? Last => Ok ? Years[^1] : null;

    /// <summary>"2023/24" or "2021/22 to 2023/24"; empty when unresolved.</summary>
    public string Label => !Ok ? "" : Years.Count == 1 ? Years[0].Label : $"{Years[0].Label} to {Years[^1].Label}";

    /// <summary>The name and the loose-wording note, as one sentence part for a verdict's note.</summary>
    public string Note => Problem is not null ? Problem : LooseNote.Length > 0 ? LooseNote : Name;
}

/// <summary>
/// A small grammar for the ways the press and FOI answers write a period, read against the
/// request's years: a phrase is tokenised, leading prepositions and trailing fillers ("in",
/// "alone") are set aside, and the rest must be consumed whole by one rule built from a few
/// parts (a year reference, a count of years, an anchor such as "since", "to", "last").
/// Wording that fits no rule, or that fits one but names years the request does not hold, is
/// unresolved with its reason; nothing is guessed.
/// </summary>
internal static class PeriodWording
{
    private static readonly HashSet<string> LeadingWords = new(StringComparer.Ordinal)
    {
        "in", "during", "over", "across", "for", "within", "covering", "of", "at",
    };

    private static readonly string[][] TrailingFillers =
    [
        ["in", "total"], ["as", "a", "whole"], ["alone"], ["only"], ["period"], ["total"], ["combined"], ["altogether"], ["inclusive"], ["overall"],
    ];

    private static readonly HashSet<string> Unstated = new(StringComparer.Ordinal) { "", "not stated", "no period", "unknown", "not given" };

    // Words that place a period nowhere the request's years can say.
    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal)
    {
        "recently", "lately", "nowadays", "historically", "ever", "pandemic", "lockdown", "covid", "began", "decades",
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4,
        ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9,
        ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    };

    /// <summary>True when the wording names no period at all.</summary>
    public static bool IsUnstated(string? phrase) => Unstated.Contains(string.Join(' ', WordTokens.Of(phrase).Select(t => t.Text)));

    /// <summary>Reads one period phrase against the request's years.</summary>
    public static PeriodReading Read(string phrase, PeriodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Years.Count == 0) throw new ArgumentException("a request with no years", nameof(context));
        phrase ??= "";
        if (IsUnstated(phrase)) return new PeriodReading(phrase, PeriodForm.Unstated, [], "", "", "no period printed");

        // "In the last year alone (between 2023/24)": both parts are read; they must agree.
        var open = phrase.IndexOf('(', StringComparison.Ordinal);
        var close = phrase.LastIndexOf(')');
        if (open >= 0 && close > open)
        {
            var outerText = (phrase[..open] + " " + phrase[(close + 1)..]).Trim();
            var innerText = phrase[(open + 1)..close].Trim();
            if (outerText.Length > 0 && innerText.Length > 0)
                return Apposition(phrase, outerText, innerText, context);
        }
        return new Parser(phrase, WordTokens.Of(phrase), context).Read();
    }

    private static PeriodReading Apposition(string phrase, string outerText, string innerText, PeriodContext context)
    {
        var outer = Read(outerText, context);
        var inner = Read(innerText, context);
        if (outer.Ok && inner.Ok)
        {
            if (outer.Years.SequenceEqual(inner.Years))
                return inner with { Printed = phrase, Name = $"'{phrase}' read as {inner.Label}: '{outerText}' and '{innerText}' agree" };
            return Unresolved(phrase, $"'{outerText}' ({outer.Label}) and '{innerText}' ({inner.Label}) name different years");
        }
        if (inner.Ok) return inner with { Printed = phrase, Name = $"'{phrase}' read as {inner.Label}, as the words in brackets say", LooseNote = Join(inner.LooseNote, $"'{outerText}' could not be read: {outer.Problem}") };
        if (outer.Ok) return outer with { Printed = phrase, Name = $"'{phrase}' read as {outer.Label}", LooseNote = Join(outer.LooseNote, $"'{innerText}' in brackets could not be read: {inner.Problem}") };
        return Unresolved(phrase, outer.Problem ?? inner.Problem ?? "");
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}; {b}";

    private static PeriodReading Unresolved(string phrase, string problem) => new(phrase, PeriodForm.Unresolved, [], "", "", problem);

    private static string Ordinal(int n) => n switch
    {
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        8 => "eight",
        9 => "nine",
        10 => "ten",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What a year reference in a phrase is.</summary>
    private enum RefKind
    {
        Pair,
        BareYear,
        Month,
        Date,
        Calendar,
        FySingle,
    }

    private readonly record struct YearRef(RefKind Kind, string Printed, FinancialYear Pair = default, int Year = 0, int Month = 0, int Day = 0, bool Fy = false);

    /// <summary>One reading attempt over a phrase's tokens. Each rule starts from the same position and must use every token.</summary>
    private sealed class Parser(string phrase, IReadOnlyList<Token> all, PeriodContext ctx)
    {
        private IReadOnlyList<Token> _t = [];
        private int _i;

        private IReadOnlyList<FinancialYear> Years => ctx.Years;

        private bool End => _i >= _t.Count;

        public PeriodReading Read()
        {
            _t = Trim(all);
            if (_t.Count == 0) return Unresolved(phrase, $"the wording '{phrase}' names no period");
            var words = string.Join(' ', _t.Select(x => x.Text));
            var recent = _t.Select((x, k) => x.IsWord("recent") && (k == 0 || !_t[k - 1].IsWord("most"))).Any(b => b);
            if (recent || _t.Any(x => x.Kind == TokenKind.Word && Vague.Contains(x.Text)) || words is "the past" or "the years" or "previous years" or "earlier years" or "the past years")
                return Unresolved(phrase, $"'{phrase}' names no year, so it cannot be matched to the request's years");

            Func<PeriodReading?>[] rules = [Relative, Latest, Since, Counted, YearEnding, Range, EveryYear, FirstYear, Single];
            foreach (var rule in rules)
            {
                _i = 0;
                if (rule() is { } reading) return reading;
            }
            return Unresolved(phrase, $"the wording '{phrase}' cannot be matched to the request's years");
        }

        /// <summary>Sets aside leading prepositions and trailing fillers ("in 2023/24 alone" is "2023/24").</summary>
        private static List<Token> Trim(IReadOnlyList<Token> tokens)
        {
            var list = tokens.ToList();
            while (list.Count > 1 && list[0].Kind == TokenKind.Word && LeadingWords.Contains(list[0].Text)) list.RemoveAt(0);
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var filler in TrailingFillers)
                {
                    if (list.Count > filler.Length && filler.Select((w, k) => list[list.Count - filler.Length + k].IsWord(w)).All(b => b))
                    {
                        list.RemoveRange(list.Count - filler.Length, filler.Length);
                        changed = true;
                    }
                }
            }
            return list;
        }

        // ---- cursor helpers ----

        private bool Word(string w)
        {
            if (_i < _t.Count && _t[_i].IsWord(w))
            {
                _i++;
                return true;
            }
            return false;
        }

        private bool Words(params string[] ws)
        {
            if (_i + ws.Length > _t.Count) return false;
            for (var k = 0; k < ws.Length; k++)
                if (!_t[_i + k].IsWord(ws[k])) return false;
            _i += ws.Length;
            return true;
        }

        private bool AnyWord(params string[] ws)
        {
            foreach (var w in ws)
                if (Word(w)) return true;
            return false;
        }

        private bool Dash()
        {
            if (_i < _t.Count && _t[_i].Kind == TokenKind.Dash)
            {
                _i++;
                return true;
            }
            return false;
        }

        /// <summary>"financial year", "tax year", "fiscal year", "fy": words that only say the year is an April one.</summary>
        private bool AprilYearWords() =>
            Words("financial", "year") || Words("financial", "years") || Words("fiscal", "year") || Words("tax", "year") || Words("tax", "years") || Word("fy");

        /// <summary>A count of years or months: "three", "3", "twelve", "a hundred".</summary>
        private bool Count(out int n)
        {
            n = 0;
            if (_i < _t.Count && _t[_i].Kind == TokenKind.Number && _t[_i].Decimals == 0 && _t[_i].Number is > 0 and < 1000)
            {
                n = (int)_t[_i].Number;
                _i++;
                return true;
            }
            if (NumberWords.TryRead(_t, _i, out var v, out var used) && v is > 0 and < 1000)
            {
                n = (int)v;
                _i += used;
                return true;
            }
            return false;
        }

        /// <summary>"years", "financial years", "full years", "months"; true for months.</summary>
        private bool Unit(out bool months)
        {
            months = false;
            Word("full");
            Word("whole");
            AnyWord("financial", "fiscal", "tax", "calendar");
            if (AnyWord("year", "years")) return true;
            if (AnyWord("month", "months"))
            {
                months = true;
                return true;
            }
            return false;
        }

        private bool Month(out int month)
        {
            month = 0;
            if (_i < _t.Count && _t[_i].Kind == TokenKind.Word && Months.TryGetValue(_t[_i].Text, out month))
            {
                _i++;
                return true;
            }
            return false;
        }

        private bool YearNumber(out int year, bool twoDigits)
        {
            year = 0;
            if (_i < _t.Count && _t[_i].Kind == TokenKind.Number && _t[_i].Decimals == 0)
            {
                var tok = _t[_i];
                if (tok.IsYear)
                {
                    year = (int)tok.Number;
                    _i++;
                    return true;
                }
                if (twoDigits && tok.Digits == 2)
                {
                    year = 2000 + (int)tok.Number;
                    _i++;
                    return true;
                }
            }
            return false;
        }

        private bool DayNumber(out int day)
        {
            day = 0;
            if (_i < _t.Count && _t[_i].Kind is TokenKind.Ordinal or TokenKind.Number && _t[_i].Decimals == 0 && _t[_i].Number is >= 1 and <= 31 && _t[_i].Digits <= 2)
            {
                day = (int)_t[_i].Number;
                _i++;
                return true;
            }
            return false;
        }

        private string PrintedFrom(int start) => string.Join(' ', _t.Skip(start).Take(_i - start).Select(x => x.Text));

        /// <summary>
        /// A year reference: "2021/22", "FY21/22", "the 2021/22 financial year", "financial year 2021 to 2022",
        /// "2021", "calendar year 2021", "April 2021", "1 April 2021", "01/04/2021", "the start of 2021/22".
        /// </summary>
        /// <param name="govUkPair">Whether "2021 to 2022" may be read as one April year (not inside "from … to …").</param>
        private bool Ref(out YearRef r, bool govUkPair)
        {
            r = default;
            var start = _i;
            Word("the");
            if (AnyWord("start", "beginning", "end")) Word("of");
            var calendar = Words("calendar", "year") || Word("cy");
            var april = !calendar && AprilYearWords();
            if (!calendar && !april) Word("year");
            var coreStart = _i;
            if (!Core(out r, govUkPair || april))
            {
                _i = start;
                return false;
            }
            if (!calendar && !april && r.Kind is RefKind.Pair or RefKind.BareYear)
            {
                if (Words("calendar", "year")) calendar = true;
                else AprilYearWords();
            }
            if (calendar)
            {
                if (r.Kind != RefKind.BareYear)
                {
                    _i = start;
                    return false;
                }
                r = r with { Kind = RefKind.Calendar };
            }
            r = r with { Printed = PrintedFrom(coreStart) };
            return true;
        }

        private bool Core(out YearRef r, bool govUkPair)
        {
            r = default;
            if (End) return false;
            var tok = _t[_i];
            switch (tok.Kind)
            {
                case TokenKind.YearPair:
                    _i++;
                    r = new YearRef(RefKind.Pair, tok.Text, Pair: tok.Year, Fy: tok.Fy);
                    return true;
                case TokenKind.FySingle:
                    _i++;
                    r = new YearRef(RefKind.FySingle, tok.Text, Year: tok.Year.StartYear);
                    return true;
                case TokenKind.Date:
                    _i++;
                    r = new YearRef(RefKind.Date, tok.Text, Year: tok.Date.Year, Month: tok.Date.Month, Day: tok.Date.Day);
                    return true;
            }
            var mark = _i;
            // "January to December 2023", "Jan-Dec 2023": a calendar year.
            if (Month(out var m1) && m1 == 1 && (Word("to") || Dash() || true) && Month(out var m2) && m2 == 12 && YearNumber(out var cy, false))
            {
                r = new YearRef(RefKind.Calendar, "", Year: cy);
                return true;
            }
            _i = mark;
            // "1 April 2021", "1st of April 2021"
            if (DayNumber(out var d))
            {
                Word("of");
                if (Month(out var m) && YearNumber(out var y, true))
                {
                    r = new YearRef(RefKind.Date, "", Year: y, Month: m, Day: d);
                    return Valid(r);
                }
                _i = mark;
                return false;
            }
            // "April 2021", "Apr 21", "April 1 2021"
            if (Month(out var month))
            {
                var afterMonth = _i;
                if (DayNumber(out var day) && YearNumber(out var y2, false))
                {
                    r = new YearRef(RefKind.Date, "", Year: y2, Month: month, Day: day);
                    return Valid(r);
                }
                _i = afterMonth;
                if (YearNumber(out var y, true))
                {
                    r = new YearRef(RefKind.Month, "", Year: y, Month: month);
                    return true;
                }
                _i = mark;
                return false;
            }
            if (tok.IsYear)
            {
                _i++;
                var y = (int)tok.Number;
                // "2021 to 2022" is how gov.uk writes one April year; only where no "from … to" surrounds it.
                if (govUkPair)
                {
                    var afterYear = _i;
                    if (Word("to") && _i < _t.Count && _t[_i].IsYear && (int)_t[_i].Number == y + 1)
                    {
                        _i++;
                        r = new YearRef(RefKind.Pair, "", Pair: new FinancialYear(y));
                        return true;
                    }
                    _i = afterYear;
                }
                r = new YearRef(RefKind.BareYear, "", Year: y);
                return true;
            }
            return false;
        }

        private static bool Valid(YearRef r) => r.Day <= DateTime.DaysInMonth(r.Year, r.Month);

        // ---- turning references into request years ----

        private string Outside(string printed, FinancialYear y) =>
            $"'{printed}' is {y.Label}, outside the request's years {ctx.Span}";

        /// <summary>The request year a reference starts; null with a problem when it starts none.</summary>
        private FinancialYear? StartOf(YearRef r, List<string> loose, out string? problem)
        {
            problem = null;
            switch (r.Kind)
            {
                case RefKind.Pair:
                    return r.Pair;
                case RefKind.BareYear:
                    loose.Add($"'{r.Printed}' taken as {new FinancialYear(r.Year).Label}, the April-to-April year starting in {r.Year}");
                    return new FinancialYear(r.Year);
                case RefKind.Month when r.Month == 4:
                    return new FinancialYear(r.Year);
                case RefKind.Month:
                    problem = $"'{r.Printed}' starts in {MonthName(r.Month)}, not at the start of an April-to-April year";
                    return null;
                case RefKind.Date when r.Month == 4 && r.Day is 1 or 6:
                    var basis = r.Day == 1 ? PeriodBasis.FinancialYear : PeriodBasis.TaxYear;
                    if (ctx.Basis is { } asked && asked != basis)
                        loose.Add($"'{r.Printed}' starts the year on {r.Day} April; the request asked for {(asked == PeriodBasis.TaxYear ? "6 April" : "1 April")} years");
                    return new FinancialYear(r.Year);
                case RefKind.Date:
                    problem = $"'{r.Printed}' is not the first day of an April-to-April year";
                    return null;
                default:
                    problem = Problem(r);
                    return null;
            }
        }

        /// <summary>The request year a reference ends; a bare year means the year starting in it, or (<paramref name="bareYearEnds"/>) ending in it.</summary>
        private FinancialYear? EndOf(YearRef r, List<string> loose, out string? problem, bool bareYearEnds)
        {
            problem = null;
            switch (r.Kind)
            {
                case RefKind.Pair:
                    return r.Pair;
                case RefKind.BareYear when bareYearEnds:
                    loose.Add($"'{r.Printed}' taken as the end of {new FinancialYear(r.Year - 1).Label}, the April-to-April year ending in {r.Year}");
                    return new FinancialYear(r.Year - 1);
                case RefKind.BareYear:
                    loose.Add($"'{r.Printed}' taken as {new FinancialYear(r.Year).Label}, the April-to-April year starting in {r.Year}");
                    return new FinancialYear(r.Year);
                case RefKind.Month when r.Month is 3 or 4:
                    return new FinancialYear(r.Year - 1);
                case RefKind.Month:
                    problem = $"'{r.Printed}' ends in {MonthName(r.Month)}, not at the end of an April-to-April year";
                    return null;
                case RefKind.Date when (r.Month, r.Day) is (3, 31) or (4, 5):
                    var basis = r.Month == 3 ? PeriodBasis.FinancialYear : PeriodBasis.TaxYear;
                    if (ctx.Basis is { } asked && asked != basis)
                        loose.Add($"'{r.Printed}' ends the year on {(r.Month == 3 ? "31 March" : "5 April")}; the request asked for {(asked == PeriodBasis.TaxYear ? "6 April" : "1 April")} years");
                    return new FinancialYear(r.Year - 1);
                case RefKind.Date:
                    problem = $"'{r.Printed}' is not the last day of an April-to-April year";
                    return null;
                default:
                    problem = Problem(r);
                    return null;
            }
        }

        private string Problem(YearRef r) => r.Kind switch
        {
            RefKind.Calendar => CalendarProblem(r.Year, $"calendar {r.Year}"),
            RefKind.FySingle => $"'{r.Printed}' does not say whether the financial year starts or ends in {r.Year}",
            _ => $"the wording '{phrase}' cannot be matched to the request's years",
        };

        private string CalendarProblem(int year, string what)
        {
            var overlaps = Years.Where(y => y.StartYear == year || y.StartYear + 1 == year).Select(y => y.Label).ToList();
            return overlaps.Count == 0
                ? $"'{phrase}' is {what}, outside the request's years {ctx.Span}"
                : $"'{phrase}' is {what}, which is not one of the request's April-to-April years (it overlaps {string.Join(" and ", overlaps)})";
        }

        /// <summary>The request's years from <paramref name="first"/> to <paramref name="last"/>, or a problem.</summary>
        private PeriodReading Span(PeriodForm form, FinancialYear first, FinancialYear last, List<string> loose, Func<string, string> name)
        {
            if (last.StartYear < first.StartYear) return Unresolved(phrase, $"'{phrase}' ends ({last.Label}) before it starts ({first.Label})");
            if (first.StartYear < ctx.First.StartYear)
                return Unresolved(phrase, $"'{phrase}' reaches back to {first.Label}, before the request's first year {ctx.First.Label}; the request's figures cannot cover it");
            if (last.StartYear > ctx.Latest.StartYear)
                return Unresolved(phrase, $"'{phrase}' reaches {last.Label}, after the request's last year {ctx.Latest.Label}");
            var years = Years.Where(y => y.StartYear >= first.StartYear && y.StartYear <= last.StartYear).ToList();
            var label = years.Count == 1 ? years[0].Label : $"{years[0].Label} to {years[^1].Label}";
            return new PeriodReading(phrase, form, years, name(label), string.Join("; ", loose), null);
        }

        // ---- the rules ----

        /// <summary>"the following year", "the year after (that)", "a year later"; "the previous year", "the year before".</summary>
        private PeriodReading? Relative()
        {
            var step = 0;
            Word("the");
            Word("a");
            if (AnyWord("following", "next") && Word("year")) step = 1;
            else if (Words("year", "after")) step = 1;
            else if (Words("year", "later")) step = 1;
            else if (AnyWord("previous", "preceding", "prior") && Word("year")) step = -1;
            else if (Words("year", "before") && !Word("last")) step = -1;
            else if (Words("year", "earlier")) step = -1;
            if (step == 0) return null;
            Word("that");
            if (!End) return null;
            if (ctx.Previous is not { } p)
                return Unresolved(phrase, $"'{phrase}' follows no dated figure, so which year it means is unknown");
            var y = new FinancialYear(p.StartYear + step);
            if (!Years.Contains(y)) return Unresolved(phrase, $"'{phrase}' after {p.Label} falls outside the request's years");
            var rel = step > 0 ? "after" : "before";
            var note = $"'{phrase}' printed for {y.Label} (the year {rel} {p.Label})";
            return new PeriodReading(phrase, PeriodForm.Relative, [y], $"'{phrase}' read as {y.Label}, the year {rel} {p.Label}", note, null);
        }

        /// <summary>
        /// The request's latest year: "this year (so far)", "so far this year", "the year to date",
        /// "last year", "the last year", "the past 12 months", "the latest year", "the year before last".
        /// </summary>
        private PeriodReading? Latest()
        {
            var kind = "";
            Word("the");
            if (AnyWord("this", "current"))
            {
                AprilYearWords();
                if (!Word("year") && _t[_i - 1].Text is not ("year" or "fy")) return null;
                kind = "this";
                if (Words("so", "far") || Words("to", "date")) kind = "so far";
            }
            else if (Words("so", "far", "this", "year") || Words("so", "far", "this", "financial", "year"))
            {
                kind = "so far";
            }
            else if (Words("year", "to", "date") || Words("year", "so", "far"))
            {
                kind = "so far";
            }
            else if (AnyWord("last", "past"))
            {
                if (Words("year", "before", "last")) return null;
                if (AprilYearWords() || Word("year")) kind = "last";
                else if (Count(out var n) && AnyWord("month", "months") && n == 12) kind = "last";
                else return null;
            }
            else if (Words("year", "before", "last"))
            {
                kind = "before last";
            }
            else if (Word("latest") || Words("most", "recent"))
            {
                Word("full");
                if (!AprilYearWords() && !Word("year")) return null;
                kind = "latest";
            }
            else
            {
                return null;
            }
            if (!End) return null;

            var latest = ctx.Latest;
            var end = latest.End(ctx.DateBasis);
            var start = latest.Start(ctx.DateBasis);
            if (kind == "before last")
            {
                var y = new FinancialYear(latest.StartYear - 1);
                if (!Years.Contains(y)) return Unresolved(phrase, $"'{phrase}' would be {y.Label}, outside the request's years");
                return new PeriodReading(phrase, PeriodForm.Latest, [y], $"'{phrase}' read as {y.Label}, the year before the request's latest",
                    $"'{phrase}' printed for {y.Label}, the year before the request's latest year {latest.Label}", null);
            }
            if (ctx.Published is { } pub)
            {
                var when = Day(pub);
                if (kind is "last")
                {
                    if (pub <= end) return Unresolved(phrase, $"'{phrase}' in a piece published {when}, before {latest.Label} had ended, cannot mean {latest.Label}");
                    if (pub > end.AddYears(1)) return Unresolved(phrase, $"'{phrase}' in a piece published {when} cannot mean {latest.Label}, which ended on {Day(end)}, more than a year before");
                }
                else if (kind is "this" or "so far")
                {
                    if (pub < start) return Unresolved(phrase, $"'{phrase}' in a piece published {when}, before {latest.Label} began, cannot mean it");
                    if (pub > end.AddYears(1)) return Unresolved(phrase, $"'{phrase}' in a piece published {when} cannot mean {latest.Label}, which ended on {Day(end)}, more than a year before");
                    if (pub <= end)
                        return new PeriodReading(phrase, PeriodForm.Latest, [latest], $"'{phrase}' read as {latest.Label}, the request's latest year, still running at publication",
                            $"'{phrase}' printed for {latest.Label} while it was still running (published {when}): the year's figure may be for part of it", null);
                }
            }
            var name = $"'{phrase}' read as {latest.Label}, the request's latest year";
            var loose = kind switch
            {
                "so far" => $"'{phrase}' printed for {latest.Label}, a year that had ended ({Day(end)}) before publication",
                "this" => ctx.Published is null
                    ? $"'{phrase}' printed for {latest.Label}, the request's latest year"
                    : $"'{phrase}' printed for {latest.Label}, a year that had ended ({Day(end)}) before publication",
                "last" => $"'{phrase}' printed for {latest.Label}, the request's latest year",
                _ => "",
            };
            return new PeriodReading(phrase, PeriodForm.Latest, [latest], name, loose, null);
        }

        /// <summary>"since 2021/22", "since April 2021", "since 2021", "from 2022/23" (to the latest year), "since … to date".</summary>
        private PeriodReading? Since()
        {
            if (!AnyWord("since", "from")) return null;
            var starting = _t[_i - 1].Text;
            if (!Ref(out var r, govUkPair: starting == "since")) return null;
            if (Words("to", "date") || Words("until", "now") || Words("to", "now") || Words("to", "the", "present")) { }
            if (!End) return null;
            var loose = new List<string>();
            if (StartOf(r, loose, out var problem) is not { } first) return Unresolved(phrase, problem!);
            if (first.StartYear > ctx.Latest.StartYear) return Unresolved(phrase, $"'{phrase}' starts at {first.Label}, after the request's last year {ctx.Latest.Label}");
            var looseText = r.Kind == RefKind.BareYear ? $"'{phrase}' read as the request's years {first.Label} to {ctx.Latest.Label}" : string.Join("; ", loose);
            var reading = Span(PeriodForm.Since, first, ctx.Latest, [], label => $"'{phrase}' read as {label}, the request's years from {first.Label}");
            return reading.Ok ? reading with { LooseNote = looseText } : reading;
        }

        /// <summary>
        /// A count of years: "the last three years", "the past 3 years", "three years", "across the three years",
        /// "the three years to March 2024", "two years since 2022/23", "the last 36 months", "all three years".
        /// </summary>
        private PeriodReading? Counted()
        {
            Word("the");
            Word("a");
            var anchoredLast = AnyWord("last", "past", "previous", "preceding", "latest") || Words("most", "recent");
            var all = false;
            if (!anchoredLast && AnyWord("all", "each", "every"))
            {
                all = true;
                Words("of", "the");
            }
            Word("the");
            if (AnyWord("few", "several", "many", "couple"))
            {
                Word("of");
                return Unit(out _) && End ? Unresolved(phrase, $"'{phrase}' does not say how many years") : null;
            }
            int n;
            var months = false;
            if (Word("decade")) n = 10;
            else if (!Count(out n) || !Unit(out months)) return null;
            if (months)
            {
                if (n % 12 != 0) return Unresolved(phrase, $"'{phrase}' is not a whole number of years");
                n /= 12;
            }
            if (n == 1 && anchoredLast && End)
            {
                _i = 0;
                return Latest();
            }
            var loose = new List<string>();
            if (End)
            {
                if (anchoredLast)
                {
                    var first = new FinancialYear(ctx.Latest.StartYear - n + 1);
                    if (first.StartYear < ctx.First.StartYear)
                        return Unresolved(phrase, $"'{phrase}' is longer than the request's {Ordinal(Years.Count)} years ({ctx.Span})");
                    return Span(PeriodForm.Counted, first, ctx.Latest, loose, label => $"'{phrase}' read as {label}, the request's last {Ordinal(n)} years");
                }
                if (n > Years.Count) return Unresolved(phrase, $"'{phrase}' is longer than the request's {Ordinal(Years.Count)} years ({ctx.Span})");
                if (n < Years.Count)
                    return Unresolved(phrase, $"'{phrase}' does not say which {Ordinal(n)} of the request's {Ordinal(Years.Count)} years ({ctx.Span})");
                var every = Span(PeriodForm.Counted, ctx.First, ctx.Latest, loose, label => $"'{phrase}' read as the request's {Ordinal(n)} years {label}");
                return every with { LooseNote = all ? "" : $"'{phrase}' read as the request's years {ctx.Span}" };
            }
            // "… to March 2024", "… ending 31 March 2024", "… since 2021/22", "… from April 2021"
            if (AnyWord("to", "ending", "ended", "until", "through", "till") || Words("up", "to"))
            {
                if (!Ref(out var r, govUkPair: false) || !End) return null;
                if (EndOf(r, loose, out var problem, bareYearEnds: true) is not { } last) return Unresolved(phrase, problem!);
                var first = new FinancialYear(last.StartYear - n + 1);
                return Span(PeriodForm.Counted, first, last, loose, label => $"'{phrase}' read as {label}, the {Ordinal(n)} years ending with {last.Label}");
            }
            if (AnyWord("since", "from", "starting", "beginning"))
            {
                Word("in");
                if (!Ref(out var r, govUkPair: true) || !End) return null;
                if (StartOf(r, loose, out var problem) is not { } first) return Unresolved(phrase, problem!);
                var last = new FinancialYear(first.StartYear + n - 1);
                return Span(PeriodForm.Counted, first, last, loose, label => $"'{phrase}' read as {label}, the {Ordinal(n)} years from {first.Label}");
            }
            return null;
        }

        /// <summary>"in the year to March 2024", "year ending 31 March 2024", "the 12 months to April 2024", "YE March 2024".</summary>
        private PeriodReading? YearEnding()
        {
            Word("the");
            Word("a");
            // "YE" already says "year ending".
            var ye = Word("ye");
            var isYear = ye || Word("year") || AprilYearWords() || (Count(out var n) && n == 12 && AnyWord("month", "months"));
            if (!isYear) return null;
            if (!ye && !(AnyWord("to", "ending", "ended", "until", "through") || Words("up", "to"))) return null;
            if (!Ref(out var r, govUkPair: false) || !End) return null;
            if (r.Kind is RefKind.Pair or RefKind.BareYear) return null;
            var loose = new List<string>();
            if (EndOf(r, loose, out var problem, bareYearEnds: true) is not { } y) return Unresolved(phrase, problem!);
            return Span(PeriodForm.YearEnding, y, y, loose, label => $"'{phrase}' read as {label}, the year ending {r.Printed}");
        }

        /// <summary>"between 2022/23 and 2023/24", "from 2021/22 to 2023/24", "2021/22 - 2023/24", "April 2021 to March 2024", "between 2021 and 2023".</summary>
        private PeriodReading? Range()
        {
            var between = Word("between");
            var from = !between && AnyWord("from", "starting");
            if (!Ref(out var a, govUkPair: !between && !from)) return null;
            var loose = new List<string>();
            if (between && End)
            {
                // "between 2023/24": one year where two were expected; read as that year, and say so.
                if (StartOf(a, loose, out var p1) is not { } only) return Unresolved(phrase, p1!);
                var single = Span(PeriodForm.Range, only, only, loose, label => $"'{phrase}' read as {label}");
                return single.Ok ? single with { LooseNote = Join(single.LooseNote, $"'{phrase}' names one year where 'between' expects two") } : single;
            }
            if (between ? !Word("and") : !(AnyWord("to", "until", "through", "till", "and") || Dash())) return null;
            if (!Ref(out var b, govUkPair: true) || !End) return null;
            if (StartOf(a, loose, out var problem) is not { } first) return Unresolved(phrase, problem!);
            if (EndOf(b, loose, out problem, bareYearEnds: false) is not { } last) return Unresolved(phrase, problem!);
            var reading = Span(PeriodForm.Range, first, last, loose, label => $"'{phrase}' read as {label}");
            if (!reading.Ok) return reading;
            return a.Kind == RefKind.BareYear || b.Kind == RefKind.BareYear
                ? reading with { LooseNote = $"'{phrase}' printed for {reading.Label} (the April-to-April years starting in {a.Year} and {b.Year})" }
                : reading;
        }

        /// <summary>"each year", "every year", "year on year", "year after year", "throughout".</summary>
        private PeriodReading? EveryYear()
        {
            var ok = (AnyWord("each", "every") && AnyWord("year", "years")) || Words("year", "on", "year") || Words("year", "after", "year")
                || Words("year", "by", "year") || Word("throughout") || Words("the", "whole", "period");
            if (!ok || !End) return null;
            return new PeriodReading(phrase, PeriodForm.EveryYear, Years, $"'{phrase}' read as each of the request's years {ctx.Span}",
                $"'{phrase}' read as the request's years {ctx.Span}", null);
        }

        /// <summary>"the first year", "the earliest year".</summary>
        private PeriodReading? FirstYear()
        {
            Word("the");
            if (!AnyWord("first", "earliest") || !Word("year") || !End) return null;
            return new PeriodReading(phrase, PeriodForm.Year, [ctx.First], $"'{phrase}' read as {ctx.First.Label}, the request's first year", "", null);
        }

        /// <summary>One reference: "2023/24", "FY23/24", "2023 to 2024", "2021", "calendar year 2023", "March 2024".</summary>
        private PeriodReading? Single()
        {
            if (!Ref(out var r, govUkPair: true) || !End) return null;
            switch (r.Kind)
            {
                case RefKind.Pair:
                    if (!Years.Contains(r.Pair)) return Unresolved(phrase, Outside(phrase, r.Pair));
                    var fy = r.Fy ? " (FY: the 1 April to 31 March year)" : "";
                    return new PeriodReading(phrase, PeriodForm.Year, [r.Pair], $"'{phrase}' read as {r.Pair.Label}{fy}", "", null);
                case RefKind.BareYear:
                    var starting = Years.Where(y => y.StartYear == r.Year).ToList();
                    if (starting.Count == 1)
                    {
                        var y = starting[0];
                        return new PeriodReading(phrase, PeriodForm.LooseYear, [y], $"'{phrase}' read as {y.Label}, the request's April-to-April year starting in {r.Year}",
                            $"'{phrase}' printed for {y.Label} (the request's April-to-April year starting in {r.Year}), not calendar {r.Year}", null);
                    }
                    var ending = Years.Where(y => y.StartYear + 1 == r.Year).ToList();
                    return Unresolved(phrase, ending.Count == 1
                        ? $"'{phrase}' is not a request year: calendar {r.Year} overlaps {ending[0].Label}"
                        : $"'{phrase}' is outside the request's years {ctx.Span}");
                case RefKind.Month:
                    return Unresolved(phrase, $"'{phrase}' is one month, not one of the request's years");
                case RefKind.Date:
                    return Unresolved(phrase, $"'{phrase}' is one day, not one of the request's years");
                default:
                    return Unresolved(phrase, Problem(r));
            }
        }
    }
}
