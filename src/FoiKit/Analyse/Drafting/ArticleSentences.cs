using System.Text.RegularExpressions;
using FoiKit.Read.Articles;
using FoiKit.Text;

namespace FoiKit.Analyse.Drafting;

internal enum PieceKind
{
    Word,
    Number,
    Mark,
}

/// <summary>One word, number (digits, with thousands separators and decimals) or mark of a sentence, with where it is printed.</summary>
/// <param name="InQuote">Inside reported speech (double quotes, or a long single-quoted passage).</param>
internal sealed record Piece(PieceKind Kind, string Text, int Start, int End, bool InQuote)
{
    public string Lower { get; } = Text.ToLowerInvariant();

    public bool IsWord(string w) => Kind == PieceKind.Word && Lower == w;

    public bool IsWordIn(IReadOnlySet<string> words) => Kind == PieceKind.Word && words.Contains(Lower);

    public bool IsMark(string m) => Kind == PieceKind.Mark && Text == m;

    /// <summary>Starts with a capital letter, as a name does.</summary>
    public bool Capitalised => Kind == PieceKind.Word && char.IsUpper(Text[0]);

    /// <summary>A four-digit number that reads as a year.</summary>
    public bool IsYear => Kind == PieceKind.Number && Text.Length == 4 && int.TryParse(Text, out var y) && y is >= 1900 and <= 2099;

    /// <summary>The token the kit's wording readers use for this piece.</summary>
    public Token AsToken() => Kind == PieceKind.Number
        ? new Token(TokenKind.Number, Text, Number: decimal.Parse(Text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
            Digits: Text.Contains(',', StringComparison.Ordinal) || Text.Contains('.', StringComparison.Ordinal) ? 0 : Text.Length)
        : Kind == PieceKind.Word ? new Token(TokenKind.Word, Lower) : new Token(TokenKind.Dash, Text);
}

/// <summary>One sentence of an article, as printed, and its pieces.</summary>
/// <param name="Block">The index of the article block it comes from.</param>
/// <param name="Heading">From the headline or a sub-heading.</param>
internal sealed record Sentence(string Text, int Block, bool Heading, IReadOnlyList<Piece> Pieces)
{
    /// <summary>The printed text from one piece to another, inclusive.</summary>
    public string Span(int from, int to) => Text[Pieces[from].Start..Pieces[to].End];

    /// <summary>The first words of the sentence, for a line of the explanation.</summary>
    public string Opening(int words = 8)
    {
        var parts = Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= words ? Text : string.Join(' ', parts.Take(words)) + "…";
    }
}

/// <summary>
/// Splits an article's blocks into sentences and each sentence into pieces, marking what is
/// reported speech. Double quotes open speech ("…" or “…”; a quote still open at a paragraph's end
/// runs to it, as the press continues a quote over paragraphs); single quotes mark speech only
/// around a long passage, since the press puts short labels in them (‘evidential difficulties’).
/// </summary>
internal static partial class ArticleSentences
{
    /// <summary>A single-quoted passage this long or longer is speech, not a label.</summary>
    private const int SpeechWords = 8;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "no", "prof", "insp", "det", "sgt", "supt", "con", "cllr", "rev", "gen", "lt", "col", "capt", "co", "ltd",
        "vs", "etc", "eg", "ie", "approx", "inc", "ch", "supt", "pc", "dc", "ds", "di", "dci", "dcc", "acc", "fig", "vol", "p",
    };

    public static IReadOnlyList<Sentence> Of(ArticleText article)
    {
        var sentences = new List<Sentence>();
        for (var b = 0; b < article.Blocks.Count; b++)
        {
            var block = article.Blocks[b];
            var quoted = QuotedSpans(block.Text);
            foreach (var (start, end) in Split(block.Text))
            {
                var text = block.Text[start..end];
                var pieces = Pieces(text, start, quoted);
                if (pieces.Count > 0) sentences.Add(new Sentence(text, b, block.Role == ArticleBlockRole.Heading, pieces));
            }
        }
        return sentences;
    }

    /// <summary>Sentence ranges of a paragraph: a stop, any closing quotes or brackets, a space, then a capital, a digit or an opening quote.</summary>
    internal static List<(int Start, int End)> Split(string text)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\u201d' or '\u2019' or '\'' or ')') end++;
            if (end >= text.Length) break;
            if (!char.IsWhiteSpace(text[end])) continue;
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next >= text.Length) break;
            var c = text[next];
            if (!(char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201c' or '\u2018' or '\'' or '(')) continue;
            if (text[i] == '.' && IsAbbreviation(text, i)) continue;
            ranges.Add((start, end));
            start = next;
            i = next - 1;
        }
        if (start < text.Length && text[start..].Trim().Length > 0) ranges.Add((start, text.TrimEnd().Length));
        return ranges;
    }

    /// <summary>"Mr.", "No.", an initial ("J. Smith"): a full stop that ends no sentence.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var k = dot;
        while (k > 0 && char.IsLetter(text[k - 1])) k--;
        var word = text[k..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    /// <summary>Character ranges of a paragraph that are reported speech.</summary>
    internal static List<(int Start, int End)> QuotedSpans(string text)
    {
        var spans = new List<(int, int)>();
        int? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u201c' || (c == '"' && open is null && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))))
            {
                open ??= i;
            }
            else if ((c == '\u201d' || c == '"') && open is { } o)
            {
                spans.Add((o, i + 1));
                open = null;
            }
        }
        if (open is { } left) spans.Add((left, text.Length));
        // Single quotes: an opening one after a space, a closing one not followed by a letter (so "victim's" is no quote).
        int? single = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '\u2018' || c == '\'') && single is null && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                single = i;
            }
            else if ((c == '\u2019' || c == '\'') && single is { } s && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
            {
                var words = text[s..i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words >= SpeechWords) spans.Add((s, i + 1));
                single = null;
            }
        }
        return spans;
    }

    private static List<Piece> Pieces(string sentence, int offset, List<(int Start, int End)> quoted)
    {
        var pieces = new List<Piece>();
        foreach (Match m in PieceRegex().Matches(sentence))
        {
            var kind = m.Groups["num"].Success ? PieceKind.Number : m.Groups["word"].Success ? PieceKind.Word : PieceKind.Mark;
            var at = offset + m.Index;
            var inQuote = quoted.Any(q => at >= q.Start && at < q.End);
            pieces.Add(new Piece(kind, m.Value, m.Index, m.Index + m.Length, inQuote));
        }
        return pieces;
    }

    [GeneratedRegex(@"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<word>[A-Za-z]+(?:['\u2019][A-Za-z]+)*)|(?<mark>[^\sA-Za-z\d])")]
    private static partial Regex PieceRegex();
}
