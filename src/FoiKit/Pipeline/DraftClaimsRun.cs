using FoiKit.Analyse.Drafting;
using FoiKit.Model;
using FoiKit.Present;
using FoiKit.Read;
using FoiKit.Read.Articles;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>What drafting one article gave.</summary>
/// <param name="Claims">Rows written.</param>
/// <param name="NumbersTaken">Numbers (and figures in words) taken into claims.</param>
/// <param name="NumbersLeftOut">Numbers left out, each with its reason in the explanation.</param>
/// <param name="Format">"txt", "md" or "html".</param>
public sealed record DraftClaimsSummary(int Claims, int NumbersTaken, int NumbersLeftOut, string Format);

/// <summary>
/// An article as published to a draft claims file (contract §9): read the text (Read), draft the
/// claims (Analyse), write the file and, if asked, the fate of every number (Present).
/// </summary>
public static class DraftClaimsRun
{
    /// <summary>A force as <c>--force</c> names it: its official name, or "England and Wales" for a national article.</summary>
    public static Parsed<string> ResolveForce(KitData kit, string printed)
    {
        ArgumentNullException.ThrowIfNull(kit);
        if (ClaimsReader.IsNationalForce(printed)) return Parsed<string>.Success(SubjectMentions.National);
        var force = kit.Reference.Forces.Resolve(printed);
        return force.Ok ? Parsed<string>.Success(force.Value!.OfficialName) : Parsed<string>.Fail(force.Error!);
    }

    /// <summary>The request the article reports on: the one named, or the kit's only one.</summary>
    public static Parsed<RequestDefinition> ResolveRequest(KitData kit, string? id)
    {
        ArgumentNullException.ThrowIfNull(kit);
        if (id is not null)
        {
            return kit.FindRequest(id) is { } r ? Parsed<RequestDefinition>.Success(r)
                : Parsed<RequestDefinition>.Fail($"no request '{id}' in the kit's data/requests/ (known: {string.Join(", ", kit.Requests.Select(x => x.Id).Order(StringComparer.Ordinal))})");
        }
        return kit.Requests.Count switch
        {
            1 => Parsed<RequestDefinition>.Success(kit.Requests.First()),
            0 => Parsed<RequestDefinition>.Fail("the kit has no request definitions (data/requests/) to read the article's periods against"),
            _ => Parsed<RequestDefinition>.Fail($"name the request the article reports on with --request ({string.Join(", ", kit.Requests.Select(x => x.Id).Order(StringComparer.Ordinal))})"),
        };
    }

    /// <summary>Drafts one article into <paramref name="outPath"/>; an unusable article is a sentence naming it.</summary>
    /// <param name="force">The article's force (from <see cref="ResolveForce"/>).</param>
    /// <param name="explain">Where the fate of every number goes, one line each; null for none.</param>
    public static Parsed<DraftClaimsSummary> Run(KitData kit, string articlePath, string articleId, string force, RequestDefinition request, string outPath, TextWriter? explain)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var article = ArticleReader.Read(articlePath);
        if (!article.Ok) return Parsed<DraftClaimsSummary>.Fail(article.Error!);
        var draft = new ClaimDrafter(kit.Reference, request, force).Draft(article.Value!, articleId);
        DraftClaimsCsv.Write(outPath, draft.Claims);
        if (explain is not null)
            foreach (var n in draft.Numbers) explain.WriteLine(n.Line);
        var numbers = draft.Numbers.Where(n => n.Reason != "a statement").ToList();
        return Parsed<DraftClaimsSummary>.Success(new DraftClaimsSummary(
            draft.Claims.Count, numbers.Count(n => n.Taken), numbers.Count(n => !n.Taken), article.Value!.Format));
    }
}
