using System.Globalization;

namespace FoiKit.Text;

/// <summary>
/// Reads whole numbers written in words ("nine", "twenty-two", "a hundred and forty",
/// "fourteen thousand"), as the press prints small figures and counts of years.
/// </summary>
/// <remarks>
/// Our own code rather than Humanizer's words-to-number: that reader (3.0.10) takes ordinals as
/// cardinals ("one third" comes back as 4, "third" as 3) and reads "minus", both hazards where
/// "a third" is a fraction, and it refuses "a hundred". The grammar has to know which tokens are
/// number words anyway, to tell "nearly twenty-two" from "twenty-two offences"; with that table
/// the value is a few additions.
/// </remarks>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Small = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    private static readonly string[] Names =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>Small counts as the press writes them ("three years"): "three" for 3; digits past twelve.</summary>
    public static string Of(int n) => n >= 0 && n < Names.Length ? Names[n] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>True for a word that can start or continue a number in words.</summary>
    public static bool IsNumberWord(string word) =>
        Small.ContainsKey(word) || Tens.ContainsKey(word) || Scales.ContainsKey(word) || word is "hundred" or "dozen";

    /// <summary>A scale word that multiplies a figure printed in digits ("140 thousand", "1.2 million").</summary>
    public static bool TryScale(string word, out long scale)
    {
        scale = word switch
        {
            "k" or "thousand" => 1_000,
            "m" or "million" or "mn" => 1_000_000,
            "bn" or "billion" => 1_000_000_000,
            _ => 0,
        };
        return scale > 0;
    }

    /// <summary>Reads one whole text as a number in words ("twenty-two"); false when any word is not part of one.</summary>
    public static bool TryParse(string text, out long value)
    {
        var tokens = WordTokens.Of(text);
        value = 0;
        return tokens.Count > 0 && TryRead(tokens, 0, out value, out var used) && used == tokens.Count;
    }

    /// <summary>
    /// Reads the longest number in words starting at <paramref name="start"/>. "a" counts as one
    /// only before "hundred", "thousand", "million" or "dozen" ("a hundred and forty"); "and" only
    /// joins a scale to what follows ("two hundred and five"). Ordinals ("third") are not numbers here.
    /// </summary>
    /// <param name="used">How many tokens the number took (0 when there is none).</param>
    public static bool TryRead(IReadOnlyList<Token> tokens, int start, out long value, out int used)
    {
        value = 0;
        used = 0;
        long total = 0, current = 0;
        var last = Part.None;
        var i = start;
        while (i < tokens.Count && tokens[i].Kind == TokenKind.Word)
        {
            var w = tokens[i].Text;
            if (w == "a" && last == Part.None && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word
                && tokens[i + 1].Text is "hundred" or "thousand" or "million" or "billion" or "dozen")
            {
                current = 1;
                last = Part.Unit;
            }
            else if (w == "and" && last is Part.Hundred or Part.Scale && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word
                && (Small.ContainsKey(tokens[i + 1].Text) || Tens.ContainsKey(tokens[i + 1].Text)))
            {
                // joins "two hundred" to "and five"; nothing to add
            }
            else if (Small.TryGetValue(w, out var s) && last is Part.None or Part.Tens or Part.Hundred or Part.Scale)
            {
                if (last == Part.Tens && s >= 10) break; // "twenty twelve" is not one number
                current += s;
                last = Part.Unit;
            }
            else if (Tens.TryGetValue(w, out var t) && last is Part.None or Part.Hundred or Part.Scale)
            {
                current += t;
                last = Part.Tens;
            }
            else if (w == "hundred" && last is Part.Unit or Part.None && current < 100)
            {
                current = (current == 0 ? 1 : current) * 100;
                last = Part.Hundred;
            }
            else if (w == "dozen" && last is Part.Unit && current < 100)
            {
                current *= 12;
                last = Part.Scale;
            }
            else if (Scales.TryGetValue(w, out var scale) && last is Part.Unit or Part.Tens or Part.Hundred)
            {
                total += current * scale;
                current = 0;
                last = Part.Scale;
            }
            else
            {
                break;
            }
            i++;
        }
        // A trailing "and" or a lone "a" is not part of the number.
        while (i > start && tokens[i - 1].Text is "and" or "a") i--;
        if (i == start) return false;
        value = total + current;
        used = i - start;
        return true;
    }

    private enum Part
    {
        None,
        Unit,
        Tens,
        Hundred,
        Scale,
    }
}
