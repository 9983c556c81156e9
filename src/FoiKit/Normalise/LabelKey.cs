using System.Globalization;
using System.Text;

namespace FoiKit.Normalise;

/// <summary>
/// The matching key of a printed label: case, punctuation, "&amp;" vs "and", quotes, dashes and
/// spacing do not matter ("Avon &amp; Somerset" = "avon and somerset").
/// </summary>
public static class LabelKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (ch == '&')
            {
                if (!space) sb.Append(' ');
                sb.Append("and ");
                space = true;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (ch is '\'' or '\u2019' or '\u2018')
            {
                // apostrophes join words: "victim's" = "victims"
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }
}
