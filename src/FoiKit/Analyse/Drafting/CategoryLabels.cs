using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Analyse.Drafting;

/// <summary>A category found in a sentence: the pieces it spans, as printed, and what the reference lists make of it.</summary>
internal sealed record CategoryMatch(int From, int To, string Printed, Category Category, Measure Measure)
{
    /// <summary>Outcome 1 (charged or summonsed): a claim about charges.</summary>
    public bool IsCharge => Measure == Measure.Outcomes && Category.Level == CategoryLevel.Code && Category.Code is "1" or "1A";
}

/// <summary>
/// Finds offence and outcome categories in running text by the names the reference lists resolve:
/// Home Office names, subgroups and groups, and the kit's lists of press and FOI wordings
/// (<c>offence_aliases.csv</c>, <c>outcome_aliases.csv</c>). The longest name wins ("other sexual
/// offences" over "sexual offences"), and what it resolves to is the resolver's own answer, so a
/// draft's category means what a hand-written one would.
/// </summary>
internal sealed class CategoryLabels
{
    private readonly CategoryResolver _resolver;
    private readonly Dictionary<string, Measure> _names = new(StringComparer.Ordinal);
    private readonly int _longest;

    public CategoryLabels(ReferenceData reference)
    {
        _resolver = new CategoryResolver(reference);
        foreach (var key in reference.Outcomes.NameKeys) _names.TryAdd(key, Measure.Outcomes);
        // An offence name wins over an outcome name spelt the same: none is, today, but offences are what articles list.
        foreach (var key in reference.Offences.NameKeys) _names[key] = Measure.Offences;
        _longest = _names.Keys.Max(k => k.Split(' ').Length);
    }

    public Category Resolve(string label, Measure measure) => _resolver.Resolve(label, measure);

    /// <summary>Every listed name in the pieces from <paramref name="from"/> to <paramref name="to"/>, longest first where they overlap, in order.</summary>
    public List<CategoryMatch> Find(Sentence s, int from, int to)
    {
        var p = s.Pieces;
        // The words of the range as label keys, with the piece each came from.
        var words = new List<(string Key, int Piece)>();
        for (var k = Math.Max(0, from); k <= Math.Min(to, p.Count - 1); k++)
        {
            if (p[k].Kind == PieceKind.Mark)
            {
                if (p[k].Text == "&") words.Add(("and", k));
                continue;
            }
            var key = LabelKey.Of(p[k].Text);
            if (key.Length > 0) words.Add((key, k));
        }
        var found = new List<CategoryMatch>();
        var i = 0;
        while (i < words.Count)
        {
            CategoryMatch? best = null;
            for (var len = Math.Min(_longest, words.Count - i); len >= 1 && best is null; len--)
            {
                var key = string.Join(' ', words.Skip(i).Take(len).Select(w => w.Key));
                if (!_names.TryGetValue(key, out var measure)) continue;
                var a = words[i].Piece;
                var b = words[i + len - 1].Piece;
                var printed = Printed(s, a, ref b);
                best = new CategoryMatch(a, b, printed, _resolver.Resolve(printed, measure), measure);
                i += len;
            }
            if (best is not null) found.Add(best);
            else i++;
        }
        return found;
    }

    /// <summary>The label as printed; a quote opened inside it is closed by the mark after it, if there is one.</summary>
    internal static string Printed(Sentence s, int a, ref int b)
    {
        var opens = 0;
        for (var k = a; k <= b; k++)
        {
            if (s.Pieces[k].Text is "\u2018" or "\u201c") opens++;
            else if (s.Pieces[k].Text is "\u2019" or "\u201d") opens--;
        }
        if (opens > 0 && b + 1 < s.Pieces.Count && s.Pieces[b + 1].Text is "\u2019" or "\u201d") b++;
        return s.Span(a, b);
    }
}
