using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Analyse.Drafting;

internal enum MentionKind
{
    /// <summary>A force named by its official name or an alias ("Cambridgeshire Police").</summary>
    Force,
    /// <summary>England and Wales as a whole ("across England and Wales", "nationally").</summary>
    National,
    /// <summary>Words that point back at the force last named ("the force", "police in the county").</summary>
    BackReference,
}

/// <summary>A force, the nation, or a pointer back at the last force, named in a sentence.</summary>
internal sealed record Mention(MentionKind Kind, int From, int To, string Printed, Force? Force);

/// <summary>
/// Finds who a sentence speaks of: forces by any name in <c>forces.csv</c> (a capitalised run of
/// words, so "met" the verb is no force), England and Wales, and words that refer back to the last
/// force named. "All police forces in England and Wales" after "requests to" describes who the
/// request went to, not whose figure it is, and is not a mention.
/// </summary>
internal static class SubjectMentions
{
    public const string National = "England and Wales";

    /// <summary>A run of capitalised words this long at most is tried as a force's name.</summary>
    private const int MaxWords = 5;

    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "and", "of", "the" };

    // "London" alone names the City of London Police in forces.csv, but in running text it is the capital, whose
    // force is the Metropolitan Police: too unsure to read either way, so it is not a mention.
    private static readonly HashSet<string> NotAlone = new(StringComparer.OrdinalIgnoreCase) { "London" };

    private static readonly HashSet<string> RequestWords = new(StringComparer.Ordinal) { "request", "requests", "requested", "sent", "asked", "submitted", "obtained", "foi", "freedom" };

    public static List<Mention> Find(Sentence s, ForceRegistry forces)
    {
        var p = s.Pieces;
        var found = new List<Mention>();
        var i = 0;
        while (i < p.Count)
        {
            if (NationalAt(p, i, out var end))
            {
                if (!DescribesRequest(p, i)) found.Add(new Mention(MentionKind.National, i, end, s.Span(i, end), null));
                i = end + 1;
                continue;
            }
            if (ForceAt(s, i, forces, out end, out var force))
            {
                found.Add(new Mention(MentionKind.Force, i, end, s.Span(i, end), force));
                i = end + 1;
                continue;
            }
            if (BackReference(p, i, out end))
            {
                found.Add(new Mention(MentionKind.BackReference, i, end, s.Span(i, end), null));
                i = end + 1;
                continue;
            }
            i++;
        }
        return found;
    }

    /// <summary>"England and Wales", "England &amp; Wales", "nationally", "nationwide", "across the country", "all forces", "national figures".</summary>
    private static bool NationalAt(IReadOnlyList<Piece> p, int i, out int end)
    {
        end = i;
        if (p[i].IsWord("england") && i + 2 < p.Count && (p[i + 1].IsWord("and") || p[i + 1].IsMark("&")) && p[i + 2].IsWord("wales"))
        {
            end = i + 2;
            return true;
        }
        if (p[i].IsWord("nationally") || p[i].IsWord("nationwide"))
            return true;
        if (p[i].IsWord("across") && i + 2 < p.Count && p[i + 1].IsWord("the") && p[i + 2].IsWord("country"))
        {
            end = i + 2;
            return true;
        }
        if (p[i].IsWord("all") && i + 1 < p.Count)
        {
            var k = i + 1;
            if (p[k].IsWord("police") && k + 1 < p.Count) k++;
            if (p[k].IsWord("forces"))
            {
                end = k;
                return true;
            }
        }
        if (p[i].IsWord("national") && i + 1 < p.Count && (p[i + 1].IsWord("figures") || p[i + 1].IsWord("figure") || p[i + 1].IsWord("total") || p[i + 1].IsWord("picture")))
        {
            end = i + 1;
            return true;
        }
        return false;
    }

    /// <summary>"requests to all police forces in England and Wales": who the request went to.</summary>
    private static bool DescribesRequest(IReadOnlyList<Piece> p, int i)
    {
        for (var k = Math.Max(0, i - 7); k < i; k++)
            if (p[k].Kind == PieceKind.Word && RequestWords.Contains(p[k].Lower)) return true;
        return false;
    }

    private static bool ForceAt(Sentence s, int i, ForceRegistry forces, out int end, out Force? force)
    {
        var p = s.Pieces;
        end = i;
        force = null;
        if (!p[i].Capitalised) return false;
        // The run of name-like pieces: capitalised words, and "and", "of", "&", "-" between them.
        var last = i;
        var words = 1;
        for (var k = i + 1; k < p.Count && words < MaxWords; k++)
        {
            var piece = p[k];
            if (piece.Capitalised) { last = k; words++; }
            else if ((piece.Kind == PieceKind.Word && Joiners.Contains(piece.Lower)) || piece.IsMark("&") || piece.IsMark("-") || piece.IsMark("\u2013")) continue;
            else break;
        }
        for (var j = last; j >= i; j--)
        {
            if (!p[j].Capitalised) continue;
            var printed = s.Span(i, j);
            if (j == i && NotAlone.Contains(printed)) continue;
            if (forces.Resolve(printed) is { Ok: true } f)
            {
                end = j;
                force = f.Value;
                return true;
            }
        }
        return false;
    }

    /// <summary>"the force", "the constabulary", "the county", "the force area", "officers", "police" (not "police action" or "police forces").</summary>
    private static bool BackReference(IReadOnlyList<Piece> p, int i, out int end)
    {
        end = i;
        if (p[i].IsWord("the") && i + 1 < p.Count && (p[i + 1].IsWord("force") || p[i + 1].IsWord("constabulary") || p[i + 1].IsWord("county")))
        {
            end = i + 1;
            if (end + 1 < p.Count && p[end + 1].IsWord("area")) end++;
            return true;
        }
        if (p[i].IsWord("officers")) return true;
        if (p[i].IsWord("police") && !(i + 1 < p.Count && p[i + 1].Kind == PieceKind.Word && p[i + 1].Lower is "action" or "forces" or "force" or "investigation" or "investigations"))
        {
            // "police action", "police forces": not the force itself; "further police action" likewise.
            return !(i > 0 && p[i - 1].IsWord("further"));
        }
        return false;
    }
}
