namespace FoiKit.Text;

/// <summary>Which claim a rise's wording makes.</summary>
internal enum RiseKind
{
    /// <summary>The wording claims no rise (or denies one).</summary>
    None,
    /// <summary>"Rising year on year": every period above the one before.</summary>
    EveryPeriod,
    /// <summary>"Rising figures": the last period above the first.</summary>
    LastAboveFirst,
}

/// <summary>A rise (or fall) read from a claim's sentence.</summary>
/// <param name="Falling">True for a fall ("falling year on year": every period below the one before).</param>
/// <param name="Words">The words that decided, as tokens of the sentence.</param>
/// <param name="Name">The reading for a verdict's note.</param>
internal sealed record RiseReading(RiseKind Kind, bool Falling, string Words, string Name);

/// <summary>What a "highest" wording compares.</summary>
internal enum HighScope
{
    None,
    /// <summary>One period against the others ("a three-year high", "a record").</summary>
    Periods,
    /// <summary>One force against the others ("the highest of any force"): not about this force's years.</summary>
    Forces,
    /// <summary>One category against the others ("the highest number were for stalking"): a most-common claim.</summary>
    Categories,
}

/// <param name="Lowest">True for "a three-year low", "the lowest".</param>
/// <param name="Years">The span named ("three-year high": 3), when it says.</param>
internal sealed record HighReading(HighScope Scope, bool Lowest, int? Years, string Words, string Name);

/// <summary>A share read from a sentence ("around one third of the offences").</summary>
internal sealed record ShareReading(ValueReading Value, string Words, string Name);

/// <summary>What "most" wording claims about a category.</summary>
internal enum MostCommonKind
{
    None,
    /// <summary>The largest category of its measure ("the most common", "most often cited", "the main reason").</summary>
    Largest,
    /// <summary>More than half of its measure ("most of", "the majority of"): a share above 50%.</summary>
    Majority,
    /// <summary>Among the largest, with no rank ("among the top offences"): cannot be checked as the largest.</summary>
    AmongTop,
}

internal sealed record MostCommonReading(MostCommonKind Kind, string Words, string Name);

/// <summary>
/// Reads the statements in a claim's sentence that are not one figure: "rising" against "rising
/// year on year", a period high, a share, "most common". The claims reader and a reader of
/// articles use these to choose a claim's kind and to name the reading in a verdict's note.
/// </summary>
internal static class ClaimWording
{
    private static readonly string[] EveryPeriod =
    [
        "year on year", "year after year", "every year", "each year", "each successive year", "successive years", "every single year",
        "steadily", "consistently", "continuously", "year by year",
    ];

    private static readonly string[] Rises =
    [
        "on the rise", "went up", "gone up", "going up", "rising", "rises", "rise", "rose", "risen", "increasing", "increased", "increases", "increase",
        "grew", "grown", "growing", "growth", "climbed", "climbing", "climb", "climbs", "soared", "soaring", "surged", "surging", "surge", "spike",
        "spiked", "spiking", "skyrocketed", "skyrocketing", "jumped", "jump", "higher", "up",
    ];

    private static readonly string[] Falls =
    [
        "on the decline", "went down", "gone down", "falling", "falls", "fell", "fallen", "fall", "decreasing", "decreased", "decrease", "declining",
        "declined", "decline", "dropped", "dropping", "drop", "lower", "down",
    ];

    private static readonly string[] Denials = ["not", "no longer", "never", "didn't", "hasn't", "haven't", "isn't", "aren't", "wasn't", "stopped"];

    private static readonly string[] ForceScope =
    [
        "of any force", "any other force", "of all forces", "in the country", "nationally", "across the country", "of any police force",
        "any other police force", "of the forces",
    ];

    /// <summary>Reads a rise or fall: "year on year" wording means every period; any other rise wording means the last above the first.</summary>
    public static RiseReading ReadRise(string sentence)
    {
        var w = Words(sentence);
        var (rise, riseAt) = First(w, Rises, RiseCounts);
        var (fall, fallAt) = First(w, Falls, FallCounts);
        var falling = fall.Length > 0 && (rise.Length == 0 || fallAt < riseAt);
        var trend = falling ? fall : rise;
        var at = falling ? fallAt : riseAt;
        if (trend.Length == 0) return new RiseReading(RiseKind.None, false, "", "no rise or fall is claimed");
        var before = w[..at];
        if (Denials.Any(d => EndsNear(before, d)))
            return new RiseReading(RiseKind.None, falling, trend, $"'{trend}' is denied, so no {(falling ? "fall" : "rise")} is claimed");
        var (every, _) = First(w, EveryPeriod, (_, _) => true);
        var dir = falling ? "below" : "above";
        var word = falling ? "falling" : "rising";
        if (every.Length > 0)
            return new RiseReading(RiseKind.EveryPeriod, falling, $"{trend} … {every}",
                $"'{trend}' with '{every}' read as {word} year on year: every period {dir} the one before");
        return new RiseReading(RiseKind.LastAboveFirst, falling, trend,
            $"'{trend}' read as {word} figures: the last period {dir} the first (not year on year)");
    }

    /// <summary>Reads "highest" wording and what it compares.</summary>
    public static HighReading ReadHighest(string sentence)
    {
        var tokens = WordTokens.Of(sentence);
        var w = Words(sentence);
        var lowest = Has(w, "lowest") || Has(w, "record low") || Has(w, "year low");
        // "a three-year high": the span in words or digits before "year high".
        int? years = null;
        var spanWords = "";
        for (var i = 0; i < tokens.Count; i++)
        {
            var k = i;
            long n;
            int used;
            if (tokens[i].Kind == TokenKind.Number && tokens[i].Decimals == 0) { n = (long)tokens[i].Number; used = 1; }
            else if (!NumberWords.TryRead(tokens, i, out n, out used)) continue;
            k += used;
            if (k < tokens.Count && tokens[k].Kind == TokenKind.Dash) k++; // "3-year"
            if (k + 1 < tokens.Count && tokens[k].IsWord("year") && tokens[k + 1].Text is "high" or "low" or "peak")
            {
                years = (int)n;
                spanWords = string.Join(' ', tokens.Skip(i).Take(k + 2 - i).Select(x => x.Text));
                break;
            }
        }
        string[] periodHigh = ["record high", "record low", "a record", "record number", "record level", "highest ever", "all time high", "highest on record",
            "highest level", "highest figure", "highest total", "peaked", "peak", "the most since", "highest number since"];
        var (phrase, _) = First(w, periodHigh, (_, _) => true);
        var highest = Has(w, "highest") || Has(w, "lowest");
        if (spanWords.Length == 0 && phrase.Length == 0 && !highest)
            return new HighReading(HighScope.None, false, null, "", "no highest or lowest is claimed");
        var words = spanWords.Length > 0 ? spanWords : phrase.Length > 0 ? phrase : lowest ? "lowest" : "highest";
        var (force, _) = First(w, ForceScope, (_, _) => true);
        if (force.Length > 0)
            return new HighReading(HighScope.Forces, lowest, years, $"{words} … {force}",
                $"'{words}' '{force}' compares forces, not periods: it says nothing about this force's years");
        if (spanWords.Length == 0 && phrase.Length == 0 && (Has(w, "were for") || Has(w, "was for") || Has(w, "involved") || Has(w, "related to") || Has(w, "number of")))
            return new HighReading(HighScope.Categories, lowest, null, words,
                $"'{words}' compares categories: read as the most common category");
        var over = years is { } y ? $"of the last {y} years" : "of the periods";
        return new HighReading(HighScope.Periods, lowest, years, words,
            $"'{words}' read as the latest period the {(lowest ? "lowest" : "highest")} {over}");
    }

    /// <summary>Finds a share in a sentence ("around one third of", "30% of", "one in five", "most of"); null when there is none.</summary>
    public static ShareReading? FindShare(string sentence)
    {
        var tokens = WordTokens.Of(sentence);
        ShareReading? fallback = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = Math.Min(tokens.Count, i + 7); j > i; j--)
            {
                var part = tokens.Skip(i).Take(j - i).ToList();
                if (!LooksLikeShare(part)) continue;
                var text = string.Join(' ', part.Select(x => x.Text));
                var r = ValueWording.Read(text, ValueScale.Share);
                if (!r.Ok) continue;
                var ofFollows = j < tokens.Count && tokens[j].IsWord("of");
                // "the most common" is no share, and a bare percentage may be a rise ("rose by 48 per cent"):
                // both need "of" after them; a fraction in words ("half the cases", "one in five offences") does not.
                if (!ofFollows && (r.Tolerance == WordingTolerances.Majority || r.Tolerance == WordingTolerances.Exact)) continue;
                var found = new ShareReading(r, text, $"'{text}' read as a share: {r.Name}");
                if (ofFollows) return found;
                fallback ??= found;
                break;
            }
        }
        return fallback;
    }

    /// <summary>Reads "most" wording: the largest category, more than half, or among the top.</summary>
    public static MostCommonReading ReadMostCommon(string sentence)
    {
        var w = Words(sentence);
        var (top, _) = First(w, ["among the top", "one of the top", "one of the most common", "among the most common", "among the most", "one of the main"], (_, _) => true);
        if (top.Length > 0)
            return new MostCommonReading(MostCommonKind.AmongTop, top, $"'{top}' names no rank, so it cannot be checked as the largest category");
        var (majority, _) = First(w, ["the majority of", "a majority of", "majority of", "most of"], (_, _) => true);
        if (majority.Length > 0)
            return new MostCommonReading(MostCommonKind.Majority, majority, $"'{majority}' read as more than half of its measure (a stronger claim than the largest category)");
        var (largest, _) = First(w, ["most commonly", "most common", "most often", "most frequently", "most frequent", "the main", "top offence", "top reason",
            "the largest", "the biggest", "the leading", "most cited"], (_, _) => true);
        if (largest.Length > 0)
            return new MostCommonReading(MostCommonKind.Largest, largest, $"'{largest}' read as the largest category of its measure");
        return new MostCommonReading(MostCommonKind.None, "", "no most common category is claimed");
    }

    private static bool LooksLikeShare(List<Token> part)
    {
        var last = part[^1];
        if (last.Kind == TokenKind.Percent || last.IsWord("cent") || last.IsWord("percent")) return true;
        if (last.Kind == TokenKind.Word && last.Text is "half" or "third" or "thirds" or "quarter" or "quarters" or "fifth" or "fifths" or "tenth" or "tenths"
            or "most" or "majority") return true;
        // "one in five": a number after "in"
        return part.Count >= 3 && part[^2].IsWord("in") && (last.Kind == TokenKind.Number || NumberWords.IsNumberWord(last.Text));
    }

    /// <summary>The sentence's tokens as one lower-case string with a space at each end, for whole-word searches.</summary>
    private static string Words(string sentence) => " " + string.Join(' ', WordTokens.Of(sentence).Select(t => t.Text)) + " ";

    private static bool Has(string words, string phrase) => words.Contains($" {phrase} ", StringComparison.Ordinal);

    /// <summary>The earliest phrase of the list in the words that <paramref name="counts"/> accepts, and where it starts.</summary>
    private static (string Phrase, int At) First(string words, string[] phrases, Func<string, int, bool> counts)
    {
        var best = ("", int.MaxValue);
        foreach (var p in phrases)
        {
            var from = 0;
            while (true)
            {
                var at = words.IndexOf($" {p} ", from, StringComparison.Ordinal);
                if (at < 0) break;
                if (counts(words, at + 1 + p.Length) && at < best.Item2) best = (p, at);
                from = at + 1;
            }
        }
        return best.Item1.Length == 0 ? ("", 0) : (best.Item1, best.Item2 + 1);
    }

    // "up" only as a rise ("up 73%", "up by", "up from", "up on"), never "up to", "made up", "set up";
    // "rise" never in "gave rise to".
    private static bool RiseCounts(string words, int end)
    {
        var after = words[end..];
        var before = words[..Math.Max(0, end)];
        if (before.EndsWith(" up", StringComparison.Ordinal))
            return after.Length > 1 && (char.IsAsciiDigit(after[1]) || after.StartsWith(" by ", StringComparison.Ordinal)
                || after.StartsWith(" from ", StringComparison.Ordinal) || after.StartsWith(" on ", StringComparison.Ordinal));
        return !(before.EndsWith(" gave rise", StringComparison.Ordinal) || before.EndsWith(" give rise", StringComparison.Ordinal) || before.EndsWith(" gives rise", StringComparison.Ordinal));
    }

    private static bool FallCounts(string words, int end)
    {
        var before = words[..end];
        var after = words[end..];
        if (before.EndsWith(" down", StringComparison.Ordinal))
            return after.Length > 1 && (char.IsAsciiDigit(after[1]) || after.StartsWith(" by ", StringComparison.Ordinal) || after.StartsWith(" from ", StringComparison.Ordinal));
        if (before.EndsWith(" fall", StringComparison.Ordinal) || before.EndsWith(" falls", StringComparison.Ordinal))
            return !after.StartsWith(" victim", StringComparison.Ordinal); // "fall victim to"
        return true;
    }

    /// <summary>True when a denial ends within the three words before the trend word.</summary>
    private static bool EndsNear(string before, string denial)
    {
        var last = before.TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
        var joined = " " + string.Join(' ', last) + " ";
        return joined.Contains($" {denial} ", StringComparison.Ordinal);
    }
}
