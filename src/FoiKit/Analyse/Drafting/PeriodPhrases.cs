using FoiKit.Text;

namespace FoiKit.Analyse.Drafting;

/// <summary>A period phrase found in a sentence: the pieces it spans, as printed, and the kit's reading of it.</summary>
internal sealed record PeriodPhrase(int From, int To, string Printed, PeriodReading Reading)
{
    /// <summary>A day or a month ("4 August 2024"): a date, not a period a figure is counted over.</summary>
    public bool IsDate => Reading.Problem is { } p && (p.Contains("is one day", StringComparison.Ordinal) || p.Contains("is one month", StringComparison.Ordinal));

    public bool Contains(int piece) => piece >= From && piece <= To;
}

/// <summary>
/// Finds the period phrases of a sentence with the kit's period grammar (<see cref="PeriodWording"/>):
/// every run of pieces that the grammar reads whole, longest first, none overlapping. A phrase
/// the grammar recognises but cannot pin to the request's years ("the following year" after no
/// dated figure, "in 2019") is still a period phrase: it is printed, and the reviewer judges it.
/// </summary>
internal static class PeriodPhrases
{
    /// <summary>Longer runs are not one period phrase.</summary>
    private const int MaxPieces = 12;

    private static readonly HashSet<string> Anchors = new(StringComparer.Ordinal) { "year", "years", "month", "months", "far", "yearly", "annually" };

    public static List<PeriodPhrase> Find(Sentence s, PeriodContext context, ISet<int> excluded)
    {
        var found = new List<PeriodPhrase>();
        var p = s.Pieces;
        var i = 0;
        while (i < p.Count)
        {
            PeriodPhrase? best = null;
            if (p[i].Kind != PieceKind.Mark || p[i].Text == "(")
            {
                for (var j = Math.Min(p.Count - 1, i + MaxPieces - 1); j >= i; j--)
                {
                    if (!Candidate(p, i, j, excluded)) continue;
                    var printed = s.Span(i, j);
                    var reading = PeriodWording.Read(printed, context);
                    if (!Recognised(reading)) continue;
                    best = new PeriodPhrase(i, j, printed, reading);
                    break;
                }
            }
            if (best is not null)
            {
                found.Add(best);
                i = best.To + 1;
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    private static bool Candidate(IReadOnlyList<Piece> p, int i, int j, ISet<int> excluded)
    {
        var anchored = false;
        var open = 0;
        for (var k = i; k <= j; k++)
        {
            var piece = p[k];
            if (excluded.Contains(k)) return false;
            if (piece.Kind == PieceKind.Mark)
            {
                if (piece.Text is "," or ";" or ":" or "." or "!" or "?" or "\u201c" or "\u201d" or "\"" or "%" or "\u00a3" or "$") return false;
                if (piece.Text == "(") open++;
                if (piece.Text == ")" && --open < 0) return false;
            }
            if (piece.Kind == PieceKind.Number || (piece.Kind == PieceKind.Word && Anchors.Contains(piece.Lower))) anchored = true;
        }
        // Ends on a word or number (or a closing bracket), never on a dash or an opening bracket.
        var last = p[j];
        return anchored && open == 0 && (last.Kind != PieceKind.Mark || last.Text == ")");
    }

    /// <summary>Read by a rule of the grammar: resolved, or a recognised phrase with a stated problem.</summary>
    private static bool Recognised(PeriodReading r)
    {
        if (r.Ok) return true;
        if (r.Problem is not { } problem) return false;
        return !(problem.Contains("cannot be matched to the request's years", StringComparison.Ordinal)
            || problem.Contains("names no period", StringComparison.Ordinal)
            || problem.Contains("names no year", StringComparison.Ordinal)
            || problem.Contains("no period printed", StringComparison.Ordinal));
    }
}
