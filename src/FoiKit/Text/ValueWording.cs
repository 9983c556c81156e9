using System.Globalization;

namespace FoiKit.Text;

/// <summary>What a claim's value measures, which decides the unit of the interval it allows.</summary>
internal enum ValueScale
{
    /// <summary>A number of offences or outcomes: whole numbers, never below zero.</summary>
    Count,
    /// <summary>A percentage change from a first to a last figure ("73" for +73%; "doubled" is +100%).</summary>
    Growth,
    /// <summary>A part of a whole, in percent ("30", "a third", "most").</summary>
    Share,
}

/// <summary>How a value bounds what it claims.</summary>
internal enum ValueBound
{
    /// <summary>One figure (a percentage: to its printed precision).</summary>
    Exact,
    /// <summary>A range with two ends ("nearly 50", "around a third", "doubled").</summary>
    Interval,
    /// <summary>Only a lower end ("more than 500", "at least 12").</summary>
    LowerBound,
    /// <summary>Only an upper end ("fewer than 10", "up to 50").</summary>
    UpperBound,
}

/// <summary>An interval of values; a null end is open (no bound).</summary>
internal readonly record struct ValueInterval(decimal? Low, bool LowIncluded, decimal? High, bool HighIncluded)
{
    public static ValueInterval Exactly(decimal v) => new(v, true, v, true);

    public bool Contains(decimal x) =>
        (Low is not { } lo || (LowIncluded ? x >= lo : x > lo)) && (High is not { } hi || (HighIncluded ? x <= hi : x < hi));

    /// <summary>The first and last whole numbers inside (for counts); null ends stay open.</summary>
    public (long? First, long? Last) Whole()
    {
        long? first = Low is { } lo ? (LowIncluded ? (long)Math.Ceiling(lo) : (long)Math.Floor(lo) + 1) : null;
        long? last = High is { } hi ? (HighIncluded ? (long)Math.Floor(hi) : (long)Math.Ceiling(hi) - 1) : null;
        return (first, last);
    }

    /// <summary>"45 to 49", "501 or more", "72.5% to under 73.5%", "more than 50%".</summary>
    public string Describe(ValueScale scale)
    {
        if (scale == ValueScale.Count)
        {
            var (first, last) = Whole();
            if (first is { } f && last is { } l) return f == l ? $"exactly {N(f)}" : $"{N(f)} to {N(l)}";
            if (first is { } f2) return $"{N(f2)} or more";
            return last is { } l2 ? $"0 to {N(l2)}" : "any count";
        }
        // The natural ends of a percentage (a share's 0 and 100, a fall's -100) go unsaid.
        var low = Low is { } lo && !(scale == ValueScale.Share && lo <= 0) && !(scale == ValueScale.Growth && lo <= -100) ? Low : null;
        var high = High is { } hi && !(scale == ValueScale.Share && hi >= 100) ? High : null;
        var lowText = low is { } l1 ? (LowIncluded ? $"{P(l1)}%" : $"more than {P(l1)}%") : "";
        var highText = high is { } h1 ? (HighIncluded ? $"{P(h1)}%" : $"under {P(h1)}%") : "";
        if (low is not null && high is not null) return low == high ? $"exactly {P(low.Value)}%" : $"{lowText} to {highText}";
        if (low is not null) return LowIncluded ? $"{lowText} or more" : lowText;
        return high is not null ? (HighIncluded ? $"up to {highText}" : highText) : "any percentage";
    }

    internal static string N(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    internal static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>What a printed value was read as.</summary>
/// <param name="Printed">The value cell as printed.</param>
/// <param name="Scale">What it measures.</param>
/// <param name="Bound">How it bounds the claim.</param>
/// <param name="Stated">The figure the words state, in the scale's unit (500 for "more than 500", 100 for "doubled", 33.33 for "a third").</param>
/// <param name="Decimals">Decimal places printed (the precision a percentage is compared at).</param>
/// <param name="Allowed">The values the wording allows, in the scale's unit.</param>
/// <param name="Tolerance">The row of the tolerance table used; <see cref="WordingTolerances.Exact"/> for a plain figure.</param>
/// <param name="Name">The reading in words for a verdict's note ("'nearly 50' read as 45 to 49 (nearly: up to 10% below, never at or above)").</param>
/// <param name="Problem">Why the value cannot be read; null when it was.</param>
internal sealed record ValueReading(
    string Printed,
    ValueScale Scale,
    ValueBound Bound,
    decimal Stated,
    int Decimals,
    ValueInterval Allowed,
    WordingTolerance Tolerance,
    string Name,
    string? Problem)
{
    public bool Ok => Problem is null;

    /// <summary>True when a computed figure is one the wording allows.</summary>
    public bool Allows(decimal computed) => Ok && Allowed.Contains(computed);

    /// <summary>True when the wording is approximate (a verdict's note then names the reading and its tolerance).</summary>
    public bool IsApproximate => Ok && Tolerance != WordingTolerances.Exact;
}

/// <summary>
/// Reads a claim's value cell as the press prints it: plain figures ("513", "1,234", "73%"),
/// numbers in words ("nine", "a hundred and forty"), a qualifier before or after ("nearly 50",
/// "50 or more"), multiples ("doubled"), fractions ("a third", "one in five"), "most" and plural
/// round numbers ("hundreds"). Each reading gives the interval the words allow, using the one
/// tolerance table (<see cref="WordingTolerances"/>). A value that cannot be read gives a sentence.
/// </summary>
internal static class ValueWording
{
    private static readonly string[] CountNouns =
        ["offences", "offence", "crimes", "crime", "cases", "case", "incidents", "incident", "charges", "charge", "reports", "victims", "people", "outcomes", "alleged"];

    private static readonly Dictionary<string, (int Denominator, bool Plural)> Parts = new(StringComparer.Ordinal)
    {
        ["half"] = (2, false), ["halves"] = (2, true), ["third"] = (3, false), ["thirds"] = (3, true), ["quarter"] = (4, false),
        ["quarters"] = (4, true), ["fifth"] = (5, false), ["fifths"] = (5, true), ["sixth"] = (6, false), ["sixths"] = (6, true),
        ["seventh"] = (7, false), ["eighth"] = (8, false), ["ninth"] = (9, false), ["tenth"] = (10, false), ["tenths"] = (10, true),
    };

    private static readonly Dictionary<string, decimal> Multiples = new(StringComparer.Ordinal)
    {
        ["doubled"] = 2, ["double"] = 2, ["doubling"] = 2, ["doubles"] = 2, ["twice"] = 2,
        ["tripled"] = 3, ["trebled"] = 3, ["triple"] = 3, ["treble"] = 3, ["triples"] = 3, ["trebles"] = 3, ["tripling"] = 3, ["trebling"] = 3,
        ["quadrupled"] = 4, ["quadruple"] = 4, ["quadrupling"] = 4,
        ["halved"] = 0.5m, ["halving"] = 0.5m, ["halves"] = 0.5m,
    };

    private static readonly (string Words, long Unit, long Next)[] PluralRounds =
    [
        ("hundreds of thousands", 100_000, 1_000_000), ("tens of thousands", 10_000, 100_000), ("dozens", 12, 100),
        ("hundreds", 100, 1_000), ("thousands", 1_000, 10_000),
    ];

    /// <summary>Reads one value cell.</summary>
    public static ValueReading Read(string? printed, ValueScale scale)
    {
        var text = (printed ?? "").Trim();
        if (text.Length == 0) return Fail(text, scale, "no value is printed");
        var tokens = WordTokens.Of(text).ToList();
        // "50+" and "50-plus": the sign is dropped by the tokeniser, so it is put back as a word.
        if (text.EndsWith('+')) tokens.Add(new Token(TokenKind.Word, "plus"));
        return new Reader(text, scale, tokens).Read();
    }

    private static ValueReading Fail(string printed, ValueScale scale, string problem) =>
        new(printed, scale, ValueBound.Exact, 0, 0, default, WordingTolerances.Exact, "", $"'{printed}' cannot be read as a value: {problem}");

    private const string Expected = "expected a number (513, 1,234, 73%), a number in words (nine), a qualifier and a number (nearly 50), a multiple (doubled) or a fraction (a third)";

    private sealed class Reader(string printed, ValueScale scale, List<Token> t)
    {
        private int _i;

        // What the scale word multiplied the printed digits by ("1.2 million": 1,000,000), 1 without one.
        private decimal _scaleFactor = 1;

        private bool End => _i >= t.Count;

        private bool Word(string w)
        {
            if (_i < t.Count && t[_i].IsWord(w))
            {
                _i++;
                return true;
            }
            return false;
        }

        private bool Phrase(string words)
        {
            var ws = WordTokens.Of(words);
            if (_i + ws.Count > t.Count) return false;
            for (var k = 0; k < ws.Count; k++)
                if (t[_i + k].Kind != ws[k].Kind || t[_i + k].Text != ws[k].Text) return false;
            _i += ws.Count;
            return true;
        }

        public ValueReading Read()
        {
            // A qualifier before the figure, longest words first ("more than" before "more").
            WordingTolerance? qualifier = null;
            var qualifierWords = "";
            foreach (var (row, words) in WordingTolerances.Qualifiers.SelectMany(q => q.Prefixes.Select(w => (q, w))).OrderByDescending(p => p.w.Length))
            {
                if (Phrase(words))
                {
                    qualifier = row;
                    qualifierWords = words;
                    break;
                }
            }
            // A fall: "-5" or "minus 5" (only a percentage change can be negative).
            var negative = false;
            if (scale == ValueScale.Growth)
            {
                if (Word("minus")) negative = true;
                else if (_i + 1 < t.Count && t[_i].Kind == TokenKind.Dash && t[_i + 1].Kind == TokenKind.Number)
                {
                    _i++;
                    negative = true;
                }
            }

            if (!Core(out var form, out var stated, out var decimals, out var scaled, out var formWords, out var problem))
                return Fail(printed, scale, problem ?? Expected);
            if (negative) stated = -stated;

            // A qualifier after the figure ("50 or more", "50-plus", "300 or so").
            if (_i < t.Count && t[_i].Kind == TokenKind.Dash) _i++;
            foreach (var (row, words) in WordingTolerances.Qualifiers.SelectMany(q => q.Suffixes.Select(w => (q, w))).Where(p => p.w != "+"))
            {
                if (Phrase(words))
                {
                    if (qualifier is not null) return Fail(printed, scale, $"two qualifiers ('{qualifierWords}' and '{words}')");
                    qualifier = row;
                    qualifierWords = words;
                    break;
                }
            }
            var percent = Unit();
            if (!End) return Fail(printed, scale, $"'{string.Join(' ', t.Skip(_i).Select(x => x.Text))}' is not part of a value; {Expected}");

            // Does the wording fit what the claim measures?
            switch (scale)
            {
                case ValueScale.Count when percent:
                    return Fail(printed, scale, "it is a percentage, not a count");
                case ValueScale.Count when form is Form.Fraction or Form.Majority:
                    return Fail(printed, scale, $"'{formWords}' is a share, not a count");
                case ValueScale.Count when form is Form.Multiple:
                    return Fail(printed, scale, $"'{formWords}' is a rise, not a count");
                case ValueScale.Count when form is Form.Number && decimals > 0 && !scaled:
                    return Fail(printed, scale, "a count is a whole number");
                case ValueScale.Growth when form is Form.Majority or Form.Plural:
                case ValueScale.Share when form is Form.Multiple or Form.Plural:
                    return Fail(printed, scale, $"'{formWords}' is not a {(scale == ValueScale.Growth ? "percentage rise" : "share")}");
                case ValueScale.Share when form is Form.Number && stated is < 0 or > 100:
                    return Fail(printed, scale, "a share is between 0% and 100%");
            }
            if (form == Form.Plural && qualifier is not null)
                return Fail(printed, scale, $"'{qualifierWords}' with '{formWords}' gives no figure to measure from");

            return Build(form, qualifier, qualifierWords, stated, decimals, scaled, formWords);
        }

        /// <summary>Percent words after the figure; count nouns are allowed and say nothing.</summary>
        private bool Unit()
        {
            var percent = false;
            if (_i < t.Count && t[_i].Kind == TokenKind.Percent)
            {
                _i++;
                percent = true;
            }
            else if (Phrase("per cent") || Word("percent") || Word("pc"))
            {
                percent = true;
            }
            while (_i < t.Count && t[_i].Kind == TokenKind.Word && CountNouns.Contains(t[_i].Text)) _i++;
            return percent;
        }

        private enum Form
        {
            Number,
            Fraction,
            Multiple,
            Majority,
            Plural,
        }

        private bool Core(out Form form, out decimal stated, out int decimals, out bool scaled, out string words, out string? problem)
        {
            form = Form.Number;
            stated = 0;
            decimals = 0;
            scaled = false;
            words = "";
            problem = null;
            var start = _i;
            if (End) return false;
            var tok = t[_i];

            // "most", "the majority"
            if (Word("most") || Phrase("the majority") || Phrase("a majority") || Word("majority"))
            {
                Word("of");
                form = Form.Majority;
                stated = 50;
                words = Printed(start);
                return true;
            }
            foreach (var (plural, unit, _) in PluralRounds)
            {
                if (Phrase(plural))
                {
                    form = Form.Plural;
                    stated = unit;
                    words = plural;
                    return true;
                }
            }
            // A multiple: "doubled", "twice", "three times", "ten-fold".
            if (tok.Kind == TokenKind.Word && Multiples.TryGetValue(tok.Text, out var ratio))
            {
                _i++;
                form = Form.Multiple;
                stated = ratio;
                words = tok.Text;
                return true;
            }
            // A fraction: "half", "a third", "two thirds", "one in five", "1 in 3".
            if (Fraction(out var fraction))
            {
                form = Form.Fraction;
                stated = fraction;
                words = Printed(start);
                return true;
            }
            _i = start;
            // A figure in digits, perhaps with a scale word: "513", "1,234", "73.5", "140k", "1.2 million".
            if (tok.Kind == TokenKind.Number)
            {
                _i++;
                stated = tok.Number;
                decimals = tok.Decimals;
                if (_i < t.Count && t[_i].Kind == TokenKind.Word && NumberWords.TryScale(t[_i].Text, out var factor))
                {
                    _i++;
                    _scaleFactor = factor;
                    stated *= factor;
                    scaled = true;
                }
                if (Times()) form = Form.Multiple;
                words = Printed(start);
                return true;
            }
            // Zero in words: "no", "none", "nil", "not one".
            if (Word("no") || Word("none") || Word("nil") || Phrase("not one") || Phrase("not a single"))
            {
                stated = 0;
                words = Printed(start);
                return true;
            }
            if (NumberWords.TryRead(t, _i, out var v, out var used))
            {
                _i += used;
                stated = v;
                if (Times()) form = Form.Multiple;
                words = Printed(start);
                return true;
            }
            if (tok.Kind == TokenKind.Word && tok.Text is "first" or "second" or "third" or "fourth" or "fifth")
                problem = $"'{tok.Text}' is an ordinal, not an amount; {Expected}";
            return false;
        }

        /// <summary>"times" or "fold" after a number: "three times", "ten-fold" (the ratio is the number).</summary>
        private bool Times()
        {
            var mark = _i;
            if (_i < t.Count && t[_i].Kind == TokenKind.Dash) _i++; // "3-fold"
            if (Word("times") || Word("fold")) return true;
            _i = mark;
            return false;
        }

        private bool Fraction(out decimal value)
        {
            value = 0;
            var start = _i;
            // "one in five", "1 in 3"
            if (Count(out var n) && Word("in") && Count(out var m) && m > 0 && n <= m)
            {
                value = (decimal)n / m;
                return true;
            }
            _i = start;
            // "half", "a half", "one third", "two thirds", "a quarter"
            // A bare "third" is an ordinal; only "half" stands alone as a fraction.
            long numerator = 1;
            var counted = Word("a") || Word("an");
            if (!counted && Count(out var k))
            {
                numerator = k;
                counted = true;
            }
            if (_i < t.Count && t[_i].Kind == TokenKind.Word && Parts.TryGetValue(t[_i].Text, out var part) && (counted || t[_i].Text == "half")
                && (numerator == 1 || part.Plural) && numerator < part.Denominator)
            {
                _i++;
                value = (decimal)numerator / part.Denominator;
                return true;
            }
            _i = start;
            return false;
        }

        private bool Count(out long n)
        {
            n = 0;
            if (_i < t.Count && t[_i].Kind == TokenKind.Number && t[_i].Decimals == 0)
            {
                n = (long)t[_i].Number;
                _i++;
                return true;
            }
            if (NumberWords.TryRead(t, _i, out n, out var used))
            {
                _i += used;
                return true;
            }
            return false;
        }

        private string Printed(int start) => string.Join(' ', t.Skip(start).Take(_i - start).Select(x => x.Text));

        private ValueReading Build(Form form, WordingTolerance? qualifier, string qualifierWords, decimal stated, int decimals, bool scaled, string formWords)
        {
            var formRow = form switch
            {
                Form.Multiple => WordingTolerances.Multiple,
                Form.Fraction => WordingTolerances.Fraction,
                Form.Majority => WordingTolerances.Majority,
                Form.Plural => WordingTolerances.Plural,
                _ => WordingTolerances.Exact,
            };
            var row = qualifier ?? formRow;
            // The interval is built on the base the words speak of: a count, a percentage, a ratio, a fraction.
            var unitMin = scale == ValueScale.Count && form is Form.Number ? 1m : 0m;
            ValueInterval interval;
            if (form == Form.Plural)
            {
                var (_, unit, next) = PluralRounds.First(p => p.Words == formWords);
                interval = new ValueInterval(2 * unit, true, next, false);
            }
            else if (form == Form.Majority)
            {
                interval = new ValueInterval(50, false, 100, true);
            }
            else
            {
                interval = Apply(row, stated, unitMin, decimals, scaled, percentScale: scale != ValueScale.Count && form == Form.Number);
            }
            // Fractions become percentages; multiples become a percentage rise.
            decimal statedOut = stated;
            if (form == Form.Fraction && scale != ValueScale.Count)
            {
                interval = Map(interval, x => x * 100);
                statedOut = stated * 100;
            }
            if (form == Form.Multiple)
            {
                interval = Map(interval, x => (x - 1) * 100, floor: -100);
                statedOut = (stated - 1) * 100;
            }
            interval = Clamp(interval);
            var bound = row.Rule switch
            {
                ToleranceRule.Exact => ValueBound.Exact,
                ToleranceRule.Above or ToleranceRule.AtLeast => ValueBound.LowerBound,
                ToleranceRule.Below or ToleranceRule.AtMost => ValueBound.UpperBound,
                _ => ValueBound.Interval,
            };

            if (scale == ValueScale.Count && interval.Whole() is { First: { } f, Last: { } l } && f > l)
                return Fail(printed, scale, "no whole number fits it");

            // What the form itself means ("doubled: twice the first figure"), then the tolerance used.
            var meaning = form switch
            {
                Form.Multiple => $"{formWords}: {Ratio(stated)} the first figure",
                Form.Fraction => $"{formWords}: {ValueInterval.P(stated * 100)}% of the whole",
                Form.Majority => $"{formWords}: more than half",
                _ => "",
            };
            var says = qualifier is not null ? $"{qualifierWords}: {row.Says}" + (meaning.Length > 0 ? $"; {meaning}" : "")
                : form is Form.Multiple or Form.Fraction ? $"{meaning}, {row.Says}"
                : form is Form.Majority ? meaning
                : form is Form.Plural ? $"{formWords}: {row.Says}"
                : scale == ValueScale.Count && !scaled ? "as printed" : "as printed, to its printed precision";
            var what = form == Form.Multiple ? "a rise of " : "";
            var name = $"'{printed}' read as {what}{interval.Describe(scale)} ({says})";
            return new ValueReading(printed, scale, bound, statedOut, decimals, interval, row, name, null);
        }

        private static string Ratio(decimal r) => r switch
        {
            2 => "twice",
            0.5m => "half",
            _ => $"{ValueInterval.P(r)} times",
        };

        private ValueInterval Apply(WordingTolerance row, decimal v, decimal unitMin, int decimals, bool scaled, bool percentScale)
        {
            var d = Math.Max(Math.Abs(v) * row.Percent / 100m, unitMin);
            switch (row.Rule)
            {
                case ToleranceRule.Exact when percentScale || scaled:
                {
                    // To the printed precision: 73 is 72.5 to under 73.5 (rounded half away from zero).
                    var unit = 1m;
                    for (var k = 0; k < decimals; k++) unit /= 10;
                    if (scaled) unit *= _scaleFactor;
                    var h = unit / 2;
                    return v >= 0 ? new ValueInterval(v - h, true, v + h, false) : new ValueInterval(v - h, false, v + h, true);
                }
                case ToleranceRule.Exact:
                    return ValueInterval.Exactly(v);
                case ToleranceRule.BelowWithin:
                    return new ValueInterval(v - d, true, v, false);
                case ToleranceRule.AboveWithin:
                    return new ValueInterval(v, false, v + d, true);
                case ToleranceRule.Around:
                    return new ValueInterval(v - d, true, v + d, true);
                case ToleranceRule.Above:
                    return new ValueInterval(v, false, null, false);
                case ToleranceRule.AtLeast:
                    return new ValueInterval(v, true, null, false);
                case ToleranceRule.Below:
                    return new ValueInterval(null, false, v, false);
                default:
                    return new ValueInterval(null, false, v, true);
            }
        }

        private static ValueInterval Map(ValueInterval i, Func<decimal, decimal> f, decimal? floor = null) =>
            new(i.Low is { } lo ? f(lo) : floor, i.Low is null ? floor is not null : i.LowIncluded, i.High is { } hi ? f(hi) : null, i.HighIncluded);

        /// <summary>Counts never go below zero, shares stay within 0-100%, a fall never passes -100%.</summary>
        private ValueInterval Clamp(ValueInterval i)
        {
            var (floor, ceiling) = scale switch
            {
                ValueScale.Count => (0m, (decimal?)null),
                ValueScale.Share => (0m, 100m),
                _ => (-100m, (decimal?)null),
            };
            var low = i.Low is { } lo && lo >= floor ? i.Low : floor;
            var lowIn = i.Low is { } lo2 && lo2 >= floor ? i.LowIncluded : true;
            var high = ceiling is { } c && (i.High is null || i.High > c) ? c : i.High;
            var highIn = ceiling is { } c2 && (i.High is null || i.High > c2) ? true : i.HighIncluded;
            return new ValueInterval(low, lowIn, high, highIn);
        }
    }
}
