using FoiKit.Analyse;
using FoiKit.Model;

namespace FoiKit.Notebooks;

/// <summary>
/// What must be said beside any figure drawn from some sources of a study: what kind of source each is, how
/// each force searched its records (the forces' own method notes: a keyword hit shows that a word was recorded,
/// not that it played a part in the offence) and which stored copies are cut off. Read from the study's documents,
/// so a chart's caveats follow its data.
/// </summary>
public static class Caveats
{
    /// <summary>The caveats of the figures printed in <paramref name="sourceFiles"/>, one sentence each.</summary>
    public static IReadOnlyList<string> Of(Findings study, IEnumerable<string> sourceFiles)
    {
        var files = sourceFiles.ToHashSet(StringComparer.Ordinal);
        var docs = study.Data.Documents.Where(d => files.Contains(d.SourceFile)).ToList();
        var lines = new List<string>();
        if (docs.Count == 0) return lines;
        var articles = docs.Count(d => d.Kind == SourceKind.PublishedArticle);
        var answers = docs.Count - articles;
        lines.Add(articles == 0 ? $"Sources: {answers} force answer(s) of their own."
            : $"Sources: {articles} newspaper article(s), figures as printed (the forces' own answers not seen){(answers > 0 ? $", and {answers} force answer(s)" : "")}.");
        var searches = MethodReview.SearchMethods(study).Where(s => files.Contains(s.SourceFile)).ToList();
        foreach (var s in searches.Where(s => s.Keywords.Length > 0))
            lines.Add($"{Name(study, s.ForceId)} searched its records for the words {s.Keywords}: a match shows the word was recorded, not that it played a part in the offence.");
        var unstated = searches.Where(s => s.Keywords.Length == 0).Select(s => Name(study, s.ForceId)).Distinct().ToList();
        if (unstated.Count > 0) lines.Add($"How {string.Join(", ", unstated)} searched is not stated in the sources.");
        var cut = docs.Where(d => d.Truncated).ToList();
        if (cut.Count > 0) lines.Add($"{cut.Count} stored cop{(cut.Count == 1 ? "y is" : "ies are")} cut off: figures after the cut are unknown, not zero.");
        return lines;
    }

    /// <summary>The caveats as one note to write under a chart ("Caveats: …").</summary>
    public static string Note(Findings study, IEnumerable<string> sourceFiles) => "Caveats: " + string.Join(" ", Of(study, sourceFiles));

    private static string Name(Findings study, string forceId) => study.Kit.Reference.Forces[forceId].OfficialName;
}
