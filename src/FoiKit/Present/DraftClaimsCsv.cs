using CsvHelper;
using FoiKit.Analyse.Drafting;

namespace FoiKit.Present;

/// <summary>
/// Writes a draft claims file (contract §9): the claim columns of §4, then <c>review</c>
/// (<c>draft</c> until a person marks the row <c>checked</c>) and <c>draft_note</c>.
/// </summary>
internal static class DraftClaimsCsv
{
    public static readonly string[] Columns =
        ["claim_id", "article_id", "force", "measure", "kind", "category_label", "period_label", "value", "text", "review", "draft_note"];

    public const string Draft = "draft";

    public static void Write(string path, IEnumerable<DraftClaim> claims)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var writer = CsvWriter.ToFile(path, TidyCsv.WriterOptions);
        writer.WriteRecord(Columns);
        foreach (var c in claims)
            writer.WriteRecord([c.ClaimId, c.ArticleId, c.Force, c.Measure, c.Kind, c.CategoryLabel, c.PeriodLabel, c.Value, c.Text, Draft, c.Note]);
    }
}
