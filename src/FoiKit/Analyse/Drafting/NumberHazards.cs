namespace FoiKit.Analyse.Drafting;

/// <summary>
/// Numbers an article prints that are not figures of anything it counts: ages, times, dates, TV
/// channels, telephone numbers, "24/7", reading times, money, the year or section of a law,
/// ordinals and reference numbers. Each rule looks at the number and the pieces either side;
/// the reason is what <c>--explain</c> prints.
/// </summary>
internal static class NumberHazards
{
    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
        "september", "oct", "october", "nov", "november", "dec", "december",
    };

    private static readonly HashSet<string> Days = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    };

    private static readonly HashSet<string> AgeUnits = new(StringComparer.Ordinal) { "year", "years", "month", "months", "week", "weeks", "yr", "yrs" };

    private static readonly HashSet<string> CallWords = new(StringComparer.Ordinal)
    {
        "call", "calling", "dial", "dialling", "ring", "ringing", "phone", "phoning", "telephone", "contact", "contacting", "text", "texting", "helpline", "number", "on",
    };

    private static readonly HashSet<string> ServiceNumbers = new(StringComparer.Ordinal) { "999", "101", "111", "112", "116", "105", "119" };

    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal) { "channel", "freeview", "freesat", "sky", "virgin", "ch" };

    /// <summary>Why the number at <paramref name="k"/> is not a figure, or null when nothing rules it out.</summary>
    public static string? Why(IReadOnlyList<Piece> p, int k)
    {
        var n = p[k];
        Piece? At(int i) => i >= 0 && i < p.Count ? p[i] : null;
        bool WordAt(int i, string w) => At(i) is { } x && x.IsWord(w);
        bool Touching(int i) => At(i) is { } a && At(i - 1) is { } b && a.Start == b.End; // no space between

        // Ages: "11-year-old", "15 years old", "aged 15", "under-18s".
        var after = k + 1;
        if (At(after) is { } d && d.IsMark("-")) after++;
        if (At(after) is { Kind: PieceKind.Word } unit && AgeUnits.Contains(unit.Lower))
        {
            var o = after + 1;
            if (At(o) is { } d2 && d2.IsMark("-")) o++;
            if (WordAt(o, "old") || WordAt(o, "olds")) return "an age";
        }
        if (WordAt(k - 1, "aged") || (WordAt(k - 1, "age") && !WordAt(k - 2, "the")) || (WordAt(k - 1, "of") && WordAt(k - 2, "age")))
            return "an age";
        if (WordAt(k + 1, "s") && Touching(k + 1)) return "an age group (under-18s)";
        if (k >= 2 && (WordAt(k - 1, "under") || (At(k - 1) is { } dash && dash.IsMark("-") && WordAt(k - 2, "under"))) && WordAt(k + 1, "s"))
            return "an age group (under-18s)";

        // Times: "10.30am", "9pm", "10:30", "7 o'clock", "18:00 BST".
        if (At(k + 1) is { Kind: PieceKind.Word } tw && tw.Lower is "am" or "pm" or "hrs" or "bst" or "gmt" or "o'clock" or "o\u2019clock") return "a time of day";
        if (At(k + 1) is { } colon && colon.IsMark(":") && At(k + 2) is { Kind: PieceKind.Number } && Touching(k + 1) && Touching(k + 2)) return "a time of day";
        if (At(k - 1) is { } colon2 && colon2.IsMark(":") && At(k - 2) is { Kind: PieceKind.Number } && Touching(k) && Touching(k - 1)) return "a time of day";

        // Dates: a day or year beside a month's name, "4th August", numeric dates, a weekday before.
        if (IsMonth(At(k + 1)) || IsMonth(At(k - 1)) || (IsOrdinalSuffix(At(k + 1), n) && IsMonth(At(k + 2)))) return "a date";
        if (IsMonth(At(k - 2)) && At(k - 1) is { Kind: PieceKind.Number or PieceKind.Mark }) return "a date";
        if (At(k - 1) is { } slash && slash.IsMark("/") && At(k - 2) is { Kind: PieceKind.Number } && At(k - 3) is { } slash2 && slash2.IsMark("/")) return "a date";
        if (At(k + 1) is { } s1 && s1.IsMark("/") && At(k + 2) is { Kind: PieceKind.Number } && At(k + 3) is { } s2 && s2.IsMark("/")) return "a date";
        if (At(k - 1) is { } s3 && s3.IsMark("/") && At(k + 1) is { } s4 && s4.IsMark("/") && At(k - 2) is { Kind: PieceKind.Number }) return "a date";
        if (At(k - 1) is { Kind: PieceKind.Word } day && Days.Contains(day.Lower)) return "a date";

        // "24/7": round the clock.
        if (n.Text == "24" && At(k + 1) is { } sl && sl.IsMark("/") && At(k + 2) is { Text: "7" }) return "'24/7' (round the clock), not a figure";
        if (n.Text == "7" && At(k - 1) is { } sl2 && sl2.IsMark("/") && At(k - 2) is { Text: "24" }) return "'24/7' (round the clock), not a figure";

        // TV channels: "Freeview channel 276", "Sky 512".
        for (var i = Math.Max(0, k - 3); i < k; i++)
            if (p[i].Kind == PieceKind.Word && Channels.Contains(p[i].Lower) && (p[i].Lower != "sky" || p[i].Capitalised)) return "a TV channel number";

        // Telephone numbers: "0800 123 4567", "+44", "999", "101", "116 123".
        if (n.Text.StartsWith('0') && n.Text.Length >= 3 && !n.Text.Contains('.', StringComparison.Ordinal)) return "a telephone number";
        if (At(k - 1) is { } plus && plus.IsMark("+") && Touching(k)) return "a telephone number";
        if (At(k - 1) is { Kind: PieceKind.Number } prev && (prev.Text.StartsWith('0') || ServiceNumbers.Contains(prev.Text)) && !prev.Text.Contains(',', StringComparison.Ordinal)
            && (prev.Text.Length >= 3) && Why(p, k - 1) == "a telephone number") return "a telephone number";
        if (ServiceNumbers.Contains(n.Text))
        {
            for (var i = Math.Max(0, k - 6); i < k; i++)
                if (p[i].Kind == PieceKind.Word && CallWords.Contains(p[i].Lower)) return "a telephone number";
            if (p.Any(x => x.IsWord("emergency"))) return "a telephone number";
            if (At(k + 1) is not { Kind: PieceKind.Word } || WordAt(k + 1, "or") || WordAt(k + 1, "and")) return "a telephone number";
        }

        // Reading times: "5 min read".
        if (At(k + 1) is { Kind: PieceKind.Word } m && m.Lower is "min" or "mins" or "minute" or "minutes" && WordAt(k + 2, "read")) return "a reading time";

        // Money: "£1.99", "$5", "5 pounds".
        if (At(k - 1) is { } cur && (cur.IsMark("\u00a3") || cur.IsMark("$") || cur.IsMark("\u20ac"))) return "a sum of money";
        if (At(k + 1) is { Kind: PieceKind.Word } money && money.Lower is "pounds" or "pence" or "p" && Touching(k + 1) == (money.Lower == "p")) return "a sum of money";

        // Laws: "Online Safety Act 2023", "section 127".
        if (At(k - 1) is { } act && act.IsWord("act") && act.Capitalised) return "the year in a law's name";
        if (WordAt(k - 1, "section") || WordAt(k - 1, "sections") || WordAt(k - 1, "article") || WordAt(k - 1, "clause") || WordAt(k - 1, "paragraph") || WordAt(k - 1, "page"))
            return "a section, clause or page number";

        // Ordinals: "1st", "3rd".
        if (IsOrdinalSuffix(At(k + 1), n)) return "an ordinal (a rank or a day)";

        // Long runs of digits: article and reference numbers.
        if (!n.Text.Contains(',', StringComparison.Ordinal) && !n.Text.Contains('.', StringComparison.Ordinal) && n.Text.Length >= 6) return "a reference or identifier number";
        return null;
    }

    private static bool IsMonth(Piece? p) => p is { Kind: PieceKind.Word } w && Months.Contains(w.Lower) && (w.Lower != "may" || w.Capitalised) && (w.Lower != "march" || w.Capitalised);

    private static bool IsOrdinalSuffix(Piece? p, Piece number) => p is { Kind: PieceKind.Word } w && w.Start == number.End && w.Lower is "st" or "nd" or "rd" or "th";
}
