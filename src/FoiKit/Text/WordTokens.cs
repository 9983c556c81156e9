using System.Globalization;
using System.Text.RegularExpressions;
using FoiKit.Model;

namespace FoiKit.Text;

/// <summary>What one token of press or FOI wording is.</summary>
internal enum TokenKind
{
    /// <summary>A lower-case word ("since", "three", "april"); hyphenated words are split ("three-year").</summary>
    Word,
    /// <summary>Digits, with thousands separators and decimals allowed ("1,234", "73.5").</summary>
    Number,
    /// <summary>A day written as an ordinal ("1st", "6th").</summary>
    Ordinal,
    /// <summary>One April-to-April year ("2021/22", "2021-2022", "21/22", "FY21/22").</summary>
    YearPair,
    /// <summary>"FY2024": a financial year named by one calendar year, which does not say which.</summary>
    FySingle,
    /// <summary>A numeric UK date ("01/04/2021").</summary>
    Date,
    /// <summary>A dash between figures ("2021/22 - 2023/24", "-5").</summary>
    Dash,
    /// <summary>A percent sign.</summary>
    Percent,
}

/// <summary>One token; the fields that do not apply to its kind are default.</summary>
/// <param name="Text">As printed (lower-cased).</param>
/// <param name="Number">The value of a <see cref="TokenKind.Number"/> or the day of an <see cref="TokenKind.Ordinal"/>.</param>
/// <param name="Digits">How many digits a whole number was printed with (4 for "2021"), 0 otherwise.</param>
/// <param name="Decimals">Decimal places printed ("73.5" has 1).</param>
/// <param name="Year">The year of a <see cref="TokenKind.YearPair"/>; the printed year of a <see cref="TokenKind.FySingle"/>.</param>
/// <param name="Fy">True when the year was printed with an "FY" prefix.</param>
/// <param name="Date">The date of a <see cref="TokenKind.Date"/>.</param>
internal readonly record struct Token(
    TokenKind Kind,
    string Text,
    decimal Number = 0,
    int Digits = 0,
    int Decimals = 0,
    FinancialYear Year = default,
    bool Fy = false,
    DateOnly Date = default)
{
    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;

    /// <summary>A four-digit number that can be a year of this century or the last.</summary>
    public bool IsYear => Kind == TokenKind.Number && Digits == 4 && Number is >= 1900 and <= 2099;
}

/// <summary>
/// Splits press and FOI wording into tokens. Year pairs, FY labels and numeric dates are kept
/// whole, because "2021/22" is one thing to a reader while "2021-2023" is two years and a dash;
/// punctuation that carries no meaning for periods or values (commas, quotes, full stops) is
/// dropped. Shared by the period grammar and the value reader so both see the same words.
/// </summary>
internal static partial class WordTokens
{
    public static IReadOnlyList<Token> Of(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        var s = Clean(text);
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }
            var m = Next().Match(s, i);
            if (!m.Success || m.Index != i)
            {
                i++; // punctuation with no meaning here
                continue;
            }
            Add(tokens, m);
            i += m.Length;
        }
        return tokens;
    }

    /// <summary>Lower-cases and evens out dashes, quotes and hyphenated words.</summary>
    internal static string Clean(string text)
    {
        var t = text.ToLowerInvariant()
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2212', '-').Replace('\u2010', '-').Replace('\u2011', '-')
            .Replace('\u00a0', ' ').Replace('\u2019', '\'').Replace('\u2018', '\'')
            .Replace("\u2026", " ", StringComparison.Ordinal);
        // "three-year", "twenty-two", "year-on-year": a hyphen between letters joins words, it is no dash.
        return HyphenBetweenLetters().Replace(t, " ");
    }

    private static void Add(List<Token> tokens, Match m)
    {
        var text = m.Value;
        if (m.Groups["date"].Success)
        {
            if (DateOnly.TryParseExact(m.Groups["date"].Value.Replace('.', '/'), ["d/M/yyyy", "d/M/yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                tokens.Add(new Token(TokenKind.Date, text, Date: d));
            return;
        }
        if (m.Groups["pa"].Success)
        {
            var fy = m.Groups["fy"].Success;
            var a = m.Groups["pa"].Value;
            var b = m.Groups["pb"].Value;
            if (TryPair(a, b, out var year))
            {
                tokens.Add(new Token(TokenKind.YearPair, text, Year: year, Fy: fy));
                return;
            }
            // Not consecutive ("2021-2023"): two years and a dash, read by the grammar as a span.
            if (fy) tokens.Add(new Token(TokenKind.Word, "fy"));
            tokens.Add(NumberToken(a));
            tokens.Add(new Token(TokenKind.Dash, "-"));
            tokens.Add(NumberToken(b));
            return;
        }
        if (m.Groups["fys"].Success)
        {
            var y = int.Parse(m.Groups["fys"].Value, CultureInfo.InvariantCulture);
            tokens.Add(new Token(TokenKind.FySingle, text, Year: new FinancialYear(y < 100 ? 2000 + y : y), Fy: true));
            return;
        }
        if (m.Groups["ord"].Success)
        {
            tokens.Add(new Token(TokenKind.Ordinal, text, Number: int.Parse(m.Groups["ord"].Value, CultureInfo.InvariantCulture)));
            return;
        }
        if (m.Groups["num"].Success)
        {
            tokens.Add(NumberToken(text));
            return;
        }
        if (m.Groups["word"].Success)
        {
            tokens.Add(new Token(TokenKind.Word, text));
            return;
        }
        tokens.Add(text == "%" ? new Token(TokenKind.Percent, text) : new Token(TokenKind.Dash, text));
    }

    private static Token NumberToken(string text)
    {
        var plain = text.Replace(",", "", StringComparison.Ordinal);
        var dot = plain.IndexOf('.', StringComparison.Ordinal);
        var value = decimal.Parse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Number, text, Number: value, Digits: dot < 0 && !text.Contains(',', StringComparison.Ordinal) ? plain.Length : 0,
            Decimals: dot < 0 ? 0 : plain.Length - dot - 1);
    }

    /// <summary>"2021" + "22", "2021" + "2022", "21" + "22": consecutive years make one April year.</summary>
    private static bool TryPair(string a, string b, out FinancialYear year)
    {
        year = default;
        var y1 = int.Parse(a, CultureInfo.InvariantCulture);
        if (a.Length == 2) y1 += 2000;
        var y2 = int.Parse(b, CultureInfo.InvariantCulture);
        if (b.Length == 2) y2 += y1 / 100 * 100 + (y2 < y1 % 100 ? 100 : 0);
        if (y2 != y1 + 1 || y1 is < 1900 or > 2099) return false;
        year = new FinancialYear(y1);
        return true;
    }

    [GeneratedRegex(@"(?<=[a-z])-(?=[a-z])")]
    private static partial Regex HyphenBetweenLetters();

    // Order matters: a numeric date before a year pair ("01/04/2021"), a pair before a number,
    // an ordinal day before a number. Two-digit pairs need a slash ("21/22") or "FY" ("FY21-22").
    [GeneratedRegex(@"\G(?:(?<date>\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))(?![\d/])"
        + @"|(?:(?<fy>fy)\s*)(?<pa>\d{4}|\d{2})\s*[/-]\s*(?<pb>\d{4}|\d{2})(?![\d/])"
        + @"|(?<pa>\d{4})\s*[/-]\s*(?<pb>\d{4}|\d{2})(?![\d/])"
        + @"|(?<pa>\d{2})\s*/\s*(?<pb>\d{2})(?![\d/])"
        + @"|fy\s*(?<fys>\d{4}|\d{2})(?![\d/])"
        + @"|(?<ord>\d{1,2})(?:st|nd|rd|th)\b"
        + @"|(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        + @"|(?<word>[a-z]+(?:'[a-z]+)?)"
        + @"|%|-)")]
    private static partial Regex Next();
}
