using System.Globalization;
using System.Text.RegularExpressions;
using FoiKit.Model;

namespace FoiKit.Text;

/// <summary>What a piece of a source's text is, which decides whether it can state a basis.</summary>
internal enum TextRole
{
    Caption,
    ColumnHeader,
    RowLabel,
    MethodNotes,
    Notes,
    /// <summary>Running text of a letter or page.</summary>
    Prose,
    /// <summary>A response or letter date: a date, never a basis.</summary>
    Date,
    /// <summary>The request as the source quotes it back: the request's basis, not the source's.</summary>
    RequestQuoted,
}

/// <summary>One text of a source, with where it is ("caption of table 1") and what it is.</summary>
internal sealed record LabelledText(string Where, string Text, TextRole Role);

/// <summary>How strongly a statement fixes the basis; a stronger statement wins a conflict.</summary>
internal enum BasisStrength
{
    /// <summary>A basis named in words: "financial year", "FY22/23", "tax year".</summary>
    Name = 1,
    /// <summary>One year-start or year-end day, or months that fix the day: "from 1 April", "April to March", "full months".</summary>
    Day = 2,
    /// <summary>A start and an end day: "1 April 2021 to 31 March 2022", "6 April - 5 April".</summary>
    Dates = 3,
}

/// <summary>One statement of a basis found in a source.</summary>
/// <param name="Basis">The basis it states.</param>
/// <param name="Strength">How strongly.</param>
/// <param name="Words">The words that stated it, as printed.</param>
/// <param name="Where">Which text they are in.</param>
/// <param name="WholeMonths">True for "full months": it rules out the 6 April year but fits calendar years too.</param>
internal sealed record BasisStatement(PeriodBasis Basis, BasisStrength Strength, string Words, string Where, bool WholeMonths = false)
{
    public override string ToString() => $"'{Words}' ({Where})";
}

/// <summary>Statements that disagree, and what was decided.</summary>
/// <param name="Statements">The strongest statement of each side.</param>
/// <param name="Message">One sentence for a warning.</param>
internal sealed record BasisConflict(IReadOnlyList<BasisStatement> Statements, string Message);

/// <summary>What a source says about its year basis.</summary>
/// <param name="Basis">The basis it states; null when it states none or its statements tie in a conflict.</param>
/// <param name="Statements">Every statement found, in text order.</param>
/// <param name="Conflict">Set when statements disagree (the caller warns).</param>
internal sealed record StatedBasis(PeriodBasis? Basis, IReadOnlyList<BasisStatement> Statements, BasisConflict? Conflict)
{
    public bool IsStated => Basis is not null;

    /// <summary>The reading in words, for a warning or a tidy row's note.</summary>
    public string Name => Basis is { } b
        ? $"the source states {StatedBasisReader.Describe(b)}: {string.Join("; ", Statements.Where(s => Agrees(s, b)))}"
        : Conflict is not null ? Conflict.Message : "the source states no year basis";

    internal static bool Agrees(BasisStatement s, PeriodBasis b) =>
        s.Basis == b || (s.WholeMonths && b is PeriodBasis.FinancialYear or PeriodBasis.CalendarYear);
}

/// <summary>
/// Finds what a source says about its year basis in any of its texts: explicit day ranges
/// ("1st April 2021 to 31st March 2022"), a year-start or year-end day ("runs from 1 April"),
/// months ("April to March"), "full months", and named bases ("by financial year", "FY22/23",
/// "tax year", "calendar year"). A pure function over labelled texts: the caller decides which
/// texts a source has and what to do with a conflict.
/// </summary>
/// <remarks>
/// Hazards it steps round: dates that are not periods (a response date; "received on 6 April"),
/// particular years ("the current financial year's budget"), the request quoted back (a text so
/// labelled, and any clause about the request), "FY" inside a word ("FYI"), and negation ("not
/// held by financial year").
/// </remarks>
internal static partial class StatedBasisReader
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    /// <summary>Reads every statement in the texts and decides the basis.</summary>
    public static StatedBasis Read(IEnumerable<LabelledText> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var statements = new List<BasisStatement>();
        foreach (var text in texts)
        {
            if (text.Role is TextRole.Date or TextRole.RequestQuoted || string.IsNullOrWhiteSpace(text.Text)) continue;
            foreach (var clause in Clauses(text.Text))
            {
                if (AboutTheRequest().IsMatch(clause)) continue;
                statements.AddRange(InClause(clause, text.Where));
            }
        }
        return Decide(statements);
    }

    /// <summary>
    /// The texts of a transcript that can state a basis: method notes, notes, notes printed outside its
    /// tables, and each table's caption and column headers. Row labels are left to the caller, since a
    /// table's rows may be streamed; the response date is a date, never a basis.
    /// </summary>
    public static IReadOnlyList<LabelledText> TextsOf(ResponseTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var texts = SourceTextsOf(transcript).ToList();
        foreach (var table in transcript.Tables) texts.AddRange(TableTextsOf(table));
        return texts;
    }

    /// <summary>What a source says about itself as a whole: method notes, notes and notes printed outside its tables.</summary>
    public static IReadOnlyList<LabelledText> SourceTextsOf(ResponseTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var texts = new List<LabelledText>
        {
            new("method_notes", transcript.MethodNotes, TextRole.MethodNotes),
            new("notes", transcript.Notes, TextRole.Notes),
        };
        texts.AddRange(transcript.PrintedNotes.Select(n => new LabelledText(n.Where, n.Text, TextRole.Notes)));
        return texts;
    }

    /// <summary>One table's caption and column headers.</summary>
    public static IEnumerable<LabelledText> TableTextsOf(SourceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        yield return new($"caption of table {table.Index}", table.Caption, TextRole.Caption);
        for (var c = 0; c < table.Columns.Count; c++)
            yield return new($"column {c + 1} of table {table.Index}", table.Columns[c], TextRole.ColumnHeader);
    }

    /// <summary>"1 April to 31 March years", "6 April to 5 April years", "calendar years".</summary>
    public static string Describe(PeriodBasis basis) => basis switch
    {
        PeriodBasis.FinancialYear => "1 April to 31 March years",
        PeriodBasis.TaxYear => "6 April to 5 April years",
        PeriodBasis.CalendarYear => "calendar years",
        _ => basis.ToContract(),
    };

    private static IEnumerable<string> Clauses(string text) =>
        ClauseBreak().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static IEnumerable<BasisStatement> InClause(string clause, string where)
    {
        var found = new List<(int Start, int End, BasisStatement Statement)>();
        var dates = DateMentions(clause);

        // Two dates joined by "to", "-", "until", "and": a start and an end.
        var paired = new HashSet<int>();
        for (var k = 0; k + 1 < dates.Count; k++)
        {
            var (a, b) = (dates[k], dates[k + 1]);
            if (!Connector().IsMatch(clause[a.End..b.Start])) continue;
            var basis = (a.Day, a.Month, b.Day, b.Month) switch
            {
                (1, 4, 31, 3) => PeriodBasis.FinancialYear,
                (6, 4, 5, 4) => PeriodBasis.TaxYear,
                (1, 1, 31, 12) => PeriodBasis.CalendarYear,
                _ => (PeriodBasis?)null,
            };
            paired.Add(k);
            paired.Add(k + 1);
            if (basis is { } bs) found.Add((a.Start, b.End, new BasisStatement(bs, BasisStrength.Dates, clause[a.Start..b.End], where)));
        }
        // One date with a word that makes it a year's start or end: "from 1 April", "year ending 31 March".
        for (var k = 0; k < dates.Count; k++)
        {
            if (paired.Contains(k)) continue;
            var d = dates[k];
            var before = clause[..d.Start];
            PeriodBasis? basis = null;
            if (StartMarker().IsMatch(before))
                basis = (d.Day, d.Month) switch { (1, 4) => PeriodBasis.FinancialYear, (6, 4) => PeriodBasis.TaxYear, (1, 1) => PeriodBasis.CalendarYear, _ => null };
            else if (EndMarker().IsMatch(before))
                basis = (d.Day, d.Month) switch { (31, 3) => PeriodBasis.FinancialYear, (5, 4) => PeriodBasis.TaxYear, (31, 12) => PeriodBasis.CalendarYear, _ => null };
            if (basis is { } bs)
            {
                var m = StartMarker().Match(before) is { Success: true } sm ? sm : EndMarker().Match(before);
                found.Add((m.Index, d.End, new BasisStatement(bs, BasisStrength.Day, clause[m.Index..d.End], where)));
            }
        }
        foreach (Match m in MonthRange().Matches(clause))
        {
            var basis = m.Groups["fy"].Success ? PeriodBasis.FinancialYear : PeriodBasis.CalendarYear;
            found.Add((m.Index, m.Index + m.Length, new BasisStatement(basis, BasisStrength.Day, m.Value, where)));
        }
        foreach (Match m in YearToMonth().Matches(clause))
        {
            var basis = m.Groups["mar"].Success ? PeriodBasis.FinancialYear : PeriodBasis.CalendarYear;
            found.Add((m.Index, m.Index + m.Length, new BasisStatement(basis, BasisStrength.Day, m.Value, where)));
        }
        foreach (Match m in WholeMonths().Matches(clause))
            found.Add((m.Index, m.Index + m.Length, new BasisStatement(PeriodBasis.FinancialYear, BasisStrength.Day, m.Value, where, WholeMonths: true)));
        foreach (Match m in NamedBasis().Matches(clause))
        {
            if (ParticularYear().IsMatch(clause[..m.Index]) || clause[(m.Index + m.Length)..].StartsWith("'s", StringComparison.Ordinal)) continue;
            var w = m.Value.ToLowerInvariant();
            var basis = w.StartsWith("tax", StringComparison.Ordinal) ? PeriodBasis.TaxYear
                : w.StartsWith("calendar", StringComparison.Ordinal) ? PeriodBasis.CalendarYear
                : PeriodBasis.FinancialYear;
            found.Add((m.Index, m.Index + m.Length, new BasisStatement(basis, BasisStrength.Name, m.Value.Trim(), where)));
        }

        // Where statements overlap ("1 April 2021 to 31 March 2022" is also "April … March"), the strongest stands.
        var kept = new List<(int Start, int End, BasisStatement Statement)>();
        foreach (var f in found.OrderByDescending(f => f.Statement.Strength).ThenBy(f => f.Start))
        {
            if (kept.Any(k => f.Start < k.End && k.Start < f.End)) continue;
            // "not held by financial year": a denial states nothing.
            if (Negation().IsMatch(clause[..f.Start])) continue;
            kept.Add(f);
        }
        return kept.OrderBy(k => k.Start).Select(k => k.Statement with { Words = k.Statement.Words.TrimEnd('.', ',', ' ') });
    }

    private readonly record struct DateMention(int Start, int End, int Day, int Month);

    private static List<DateMention> DateMentions(string clause)
    {
        var list = new List<DateMention>();
        foreach (Match m in DayMonth().Matches(clause))
        {
            if (Months.TryGetValue(m.Groups["m"].Value[..3].ToLowerInvariant(), out var month) && MonthWord(m.Groups["m"].Value, month))
            {
                var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (day >= 1 && day <= 31) list.Add(new DateMention(m.Index, m.Index + m.Length, day, month));
            }
        }
        foreach (Match m in NumericDate().Matches(clause))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture);
            if (day is >= 1 and <= 31 && month is >= 1 and <= 12) list.Add(new DateMention(m.Index, m.Index + m.Length, day, month));
        }
        return list.OrderBy(d => d.Start).Aggregate(new List<DateMention>(), (acc, d) =>
        {
            if (acc.Count == 0 || d.Start >= acc[^1].End) acc.Add(d);
            return acc;
        });
    }

    /// <summary>"Apr", "April", "Sept" name a month; "Aprons" does not.</summary>
    private static bool MonthWord(string word, int month)
    {
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return full.StartsWith(word, StringComparison.OrdinalIgnoreCase) || word.Equals("sept", StringComparison.OrdinalIgnoreCase);
    }

    private static StatedBasis Decide(List<BasisStatement> statements)
    {
        if (statements.Count == 0) return new StatedBasis(null, statements, null);
        var named = statements.Where(s => !s.WholeMonths).Select(s => s.Basis).Distinct().ToList();
        var wholeMonths = statements.Where(s => s.WholeMonths).ToList();
        if (named.Count == 0) return new StatedBasis(PeriodBasis.FinancialYear, statements, null);
        if (named.Count == 1 && (named[0] != PeriodBasis.TaxYear || wholeMonths.Count == 0))
            return new StatedBasis(named[0], statements, null);

        // Sides: each basis with its statements; "full months" sides against the 6 April year.
        var sides = named.ToDictionary(b => b, b => statements.Where(s => !s.WholeMonths && s.Basis == b).ToList());
        if (wholeMonths.Count > 0)
        {
            var home = sides.ContainsKey(PeriodBasis.FinancialYear) ? PeriodBasis.FinancialYear
                : sides.ContainsKey(PeriodBasis.CalendarYear) ? PeriodBasis.CalendarYear : PeriodBasis.FinancialYear;
            if (!sides.TryGetValue(home, out var list)) sides[home] = list = [];
            list.AddRange(wholeMonths);
        }
        var strongest = sides.Select(p => (Basis: p.Key, Top: p.Value.OrderByDescending(s => s.Strength).First())).OrderByDescending(p => p.Top.Strength).ToList();
        var evidence = string.Join(" but ", strongest.Select(p => $"{Describe(p.Basis)} ({p.Top})"));
        var tie = strongest.Count > 1 && strongest[0].Top.Strength == strongest[1].Top.Strength;
        var message = tie
            ? $"the source states {evidence}; neither statement is stronger, so the request's basis applies"
            : $"the source states {evidence}; the {Strength(strongest[0].Top.Strength)} decide: {Describe(strongest[0].Basis)}";
        var conflict = new BasisConflict(strongest.Select(p => p.Top).ToList(), message);
        return new StatedBasis(tie ? null : strongest[0].Basis, statements, conflict);
    }

    private static string Strength(BasisStrength s) => s switch
    {
        BasisStrength.Dates => "explicit dates",
        BasisStrength.Day => "stated start or end day",
        _ => "named basis",
    };

    // Sentence ends, and the turns of a sentence where a second statement begins ("…, but our figures…").
    [GeneratedRegex(@"(?<=[.;!?])\s+|\n+|,?\s+(?:but|however|whereas|although|though)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    // A clause that speaks of the request ("you asked for …", "your request", "the request's years") states the request's basis.
    [GeneratedRegex(@"\b(?:you\s+(?:have\s+)?(?:asked|requested|wanted)|your\s+request|the\s+request(?:'s|\s+(?:asked|asks|read|reads|said|says|was\s+for))|as\s+requested|requested)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheRequest();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6})\.?(?:,?\s+(?:\d{4}|'?\d{2})\b)?|\b(?<m>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[/-]\s*\d)(?:,?\s+\d{4}\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<d>\d{1,2})[/.](?<mo>\d{1,2})[/.](?:\d{4}|\d{2})\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^\s*(?:from|-|to|until|till|through|and)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Connector();

    [GeneratedRegex(@"\b(?:from|starting(?:\s+on)?|beginning(?:\s+on)?|commencing(?:\s+on)?|(?:starts?|begins?|commences?)(?:\s+on)?|runs?\s+from|start\s+date\s+of)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StartMarker();

    [GeneratedRegex(@"\b(?:to|until|till|ending(?:\s+on)?|ended(?:\s+on)?|ends?\s+on|year[\s-]end(?:ing)?(?:\s+on)?)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EndMarker();

    [GeneratedRegex(@"\b(?:(?<fy>apr(?:il)?)\.?(?:\s+'?\d{2,4})?\s*(?:to|-|until|through)\s*mar(?:ch)?\b|jan(?:uary)?\.?(?:\s+'?\d{2,4})?\s*(?:to|-|until|through)\s*dec(?:ember)?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"\b(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?(?:(?<mar>march|mar)|dec(?:ember)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearToMonth();

    [GeneratedRegex(@"\b(?:full|whole|complete)\s+(?:calendar\s+)?months\b", RegexOptions.IgnoreCase)]
    private static partial Regex WholeMonths();

    // "FY" only on its own or before a year ("FY22/23", "FY:"), never inside a word ("FYI").
    [GeneratedRegex(@"\b(?:financial\s+years?|fiscal\s+years?|tax\s+years?|calendar\s+years?)\b|\bFY(?=\s*\d|[^A-Za-z]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedBasis();

    [GeneratedRegex(@"\b(?:current|this|next|last|previous|coming|following|prior|same|that)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ParticularYear();

    [GeneratedRegex(@"\b(?:not|no\s+longer|never|cannot|unable\s+to)\b|n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();
}
