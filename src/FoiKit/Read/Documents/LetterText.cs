using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Text;
using FoiKit.Read.Spreadsheets;
using FoiKit.Reference;

namespace FoiKit.Read.Documents;

/// <summary>
/// What a letter's text says about its tables and itself: the question a heading names, the
/// force its heading or letterhead names, its reference number and date. Everything found here is
/// a reading of printed text, named in a warning for the person checking the draft.
/// </summary>
internal static partial class LetterText
{
    /// <summary>
    /// The question a heading or sentence names: "Question 1a", "Q1b:", "1a) Offences…", "1. How
    /// many…", "1(a)", "Response to question 2"; "a)" after question 1 gives "1a". "" when none.
    /// </summary>
    /// <param name="text">A heading or paragraph.</param>
    /// <param name="number">The last whole question number seen ("1"), for a bare "a)".</param>
    public static string QuestionIn(string text, string number = "")
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var m = Parenthesised().Match(text);
        if (m.Success) return (m.Groups["n"].Value + m.Groups["l"].Value).ToLowerInvariant();
        var q = TableFinder.QuestionInTitle(text);
        if (q.Length > 0) return q;
        if (number.Length > 0 && BareLetter().Match(text) is { Success: true } b) return number + b.Groups["l"].Value.ToLowerInvariant();
        if (text.Length <= 160 && Named().Matches(text) is { Count: > 0 } named)
        {
            var all = named.Select(x => x.Groups["q"].Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).Distinct().ToList();
            if (all.Count == 1) return all[0];
        }
        return "";
    }

    /// <summary>The whole-number part of a question label ("1a" gives "1").</summary>
    public static string NumberOf(string question) => new(question.TakeWhile(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The forces a heading or letterhead names, by official name or alias of <c>forces.csv</c>
    /// (whole words; short capitalised aliases such as "Met" or "GMP" only as printed in capitals).
    /// </summary>
    public static IReadOnlyList<(Force Force, string Printed)> ForcesNamed(IEnumerable<string> texts, ForceRegistry forces)
    {
        var found = new List<(Force, string)>();
        var keys = texts.Select(t => (Text: t, Key: " " + LabelKey.Of(t) + " ")).ToList();
        foreach (var force in forces.All)
        {
            foreach (var name in force.Aliases.Prepend(force.OfficialName).Distinct())
            {
                var key = LabelKey.Of(name);
                if (key.Length == 0) continue;
                var shortName = !key.Contains(' ', StringComparison.Ordinal) && key.Length <= 4;
                var hit = shortName
                    ? keys.FirstOrDefault(k => Regex.IsMatch(k.Text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant))
                    : keys.FirstOrDefault(k => k.Key.Contains(" " + key + " ", StringComparison.Ordinal));
                if (hit.Text is null) continue;
                found.Add((force, name));
                break;
            }
        }
        return found;
    }

    /// <summary>A reference number printed with its label ("Our ref: 01/FIN/24/2153", "FOI Reference 2024-123"); "" when none.</summary>
    public static string ReferenceIn(IEnumerable<string> texts)
    {
        foreach (var t in texts)
        {
            var m = Reference().Match(t);
            if (m.Success && m.Groups["r"].Value.Any(char.IsAsciiDigit)) return m.Groups["r"].Value.TrimEnd('.', ',', ';');
        }
        return "";
    }

    /// <summary>A date printed with its label ("Date: 22 July 2024", "Dated 22/07/2024"); "" when none.</summary>
    public static string DateIn(IEnumerable<string> texts)
    {
        foreach (var t in texts)
        {
            var m = LabelledDate().Match(t);
            if (m.Success) return m.Groups["d"].Value.Trim();
        }
        return "";
    }

    /// <summary>The sentence a caption is: a short text as it is, else the last sentence of a long paragraph.</summary>
    public static string CaptionOf(string text)
    {
        if (text.Length <= 200) return text;
        var sentences = Sentence().Split(text).Where(s => s.Trim().Length > 0).ToList();
        var last = sentences.Count > 0 ? sentences[^1].Trim() : text;
        return last.Length <= 300 ? last : string.Concat(last.AsSpan(0, 297), "...");
    }

    [GeneratedRegex(@"^\s*(?:(?:question|q)\s*\.?\s*)?(?<n>\d{1,2})\s*\(\s*(?<l>[a-z])\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^\s*\(?(?<l>[a-h])\)\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareLetter();

    [GeneratedRegex(@"\b(?:question|q)\s*\.?\s*(?<q>\d{1,2}\s?[a-z]?)(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Named();

    [GeneratedRegex(@"\b(?:(?:our|your|foi|request|case)\s+)?(?:ref(?:erence)?\b\.?(?:\s*(?:no\b\.?|number))?|request\s+(?:no\b\.?|number))\s*[:.]?\s*(?<r>[A-Za-z0-9][A-Za-z0-9/\-_.]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(?:date(?:d)?|date of response|response date)\s*:?\s*(?<d>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(])", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();
}
