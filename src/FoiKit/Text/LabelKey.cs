using System.Globalization;
using System.Text;

namespace FoiKit.Text;

/// <summary>
/// The matching key of a printed label: case, punctuation, "&amp;" vs "and", quotes, dashes and
/// spacing do not matter ("Avon &amp; Somerset" = "avon and somerset").
/// </summary>
public static class LabelKey
{
    // Keys of short ASCII labels are built on the stack; longer or non-ASCII ones take the general path.
    private const int StackLimit = 256;

    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (text.Length <= StackLimit && Ascii.IsValid(text))
        {
            // At most four key characters per printed one ("&" becomes " and ").
            Span<char> key = stackalloc char[text.Length * 4];
            return new string(key[..WriteAscii(text, key)]);
        }
        return General(text);
    }

    // ASCII has no combining marks and decomposes to itself, so the general path's Unicode
    // normalisation is skipped; every other step is the same, character for character.
    private static int WriteAscii(string text, Span<char> key)
    {
        var n = 0;
        var space = true;
        foreach (var ch in text)
        {
            if (ch == '&')
            {
                if (!space) key[n++] = ' ';
                key[n++] = 'a';
                key[n++] = 'n';
                key[n++] = 'd';
                key[n++] = ' ';
                space = true;
            }
            else if (char.IsAsciiLetterOrDigit(ch))
            {
                key[n++] = char.IsAsciiLetterUpper(ch) ? (char)(ch | 0x20) : ch;
                space = false;
            }
            else if (ch == '\'')
            {
                // apostrophes join words: "victim's" = "victims"
            }
            else if (!space)
            {
                key[n++] = ' ';
                space = true;
            }
        }
        while (n > 0 && key[n - 1] == ' ') n--;
        return n;
    }

    private static string General(string text)
    {
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
