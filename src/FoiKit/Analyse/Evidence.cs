using System.Globalization;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>
/// One printed figure lined up against the request's years: from a force's own response (tidy
/// observations) or from an article (its transcript, or a count claim in its claims file).
/// </summary>
/// <param name="ForceId">The force.</param>
/// <param name="Kind">Whose figure it is.</param>
/// <param name="ArticleId">The article, for published figures.</param>
/// <param name="Measure">Offences or outcomes (charges are outcome 1).</param>
/// <param name="Category">The category, or <see cref="Category.None"/> for a yearly figure.</param>
/// <param name="Years">The request years it covers; empty when its period could not be resolved.</param>
/// <param name="Value">The number, if printed.</param>
/// <param name="Status">Reported, suppressed, …</param>
/// <param name="IsTotal">A printed total (of periods or categories).</param>
/// <param name="Basis">Where it is: "force_response: dorset 1 row 3".</param>
/// <param name="Note">Loose period wording, named.</param>
/// <param name="Question">The request question ("1", "1a", "1b"), when known.</param>
/// <param name="Truncated">Whether its source was cut off.</param>
public sealed record Figure(
    string ForceId,
    SourceKind Kind,
    string ArticleId,
    Measure Measure,
    Category Category,
    IReadOnlyList<FinancialYear> Years,
    long? Value,
    ValueStatus Status,
    bool IsTotal,
    string Basis,
    string Note,
    string Question,
    bool Truncated)
{
    public bool IsCharge => Measure == Measure.Outcomes && Category.Level == CategoryLevel.Code && Category.Code == "1";

    public bool Covers(FinancialYear y) => Years.Count == 1 && Years[0] == y;

    /// <summary>
    /// For a suppressed figure whose marker says what it may be ("&lt;5": 0 to 4): the marker and that range; null for
    /// any other figure, and for markers that bound nothing ("*", "[c]").
    /// </summary>
    public SuppressedRange? Suppressed { get; init; }
}

/// <summary>What a suppression marker allows: "&lt;5" printed, 0 to 4.</summary>
/// <param name="Printed">The marker as printed.</param>
/// <param name="Low">The least the figure can be.</param>
/// <param name="High">The most it can be.</param>
public sealed record SuppressedRange(string Printed, long Low, long High);

/// <summary>Builds <see cref="Figure"/>s from tidy observations.</summary>
public static class Evidence
{
    /// <summary>The article id of a published transcript: its "article_id", else its file name with "__" read as "-".</summary>
    public static string ArticleIdOf(SourceDocument d, string? declared = null)
    {
        if (!string.IsNullOrWhiteSpace(declared)) return declared.Trim();
        var name = Path.GetFileNameWithoutExtension(d.SourceFile);
        return name.Replace("__", "-", StringComparison.Ordinal);
    }

    private static readonly string[] DateForms = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>
    /// A source's publication date as printed ("2024-08-04", "22/07/2024", "4 August 2024"); null when it
    /// gives no day ("2024-08", blank), since "last year" and "this year" count from a day.
    /// </summary>
    internal static DateOnly? PublicationDate(string printed) =>
        DateOnly.TryParseExact(printed.Trim(), DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Figures for every observation, with article wording resolved in print order.</summary>
    internal static IReadOnlyList<Figure> FromObservations(
        IEnumerable<Observation> observations, IReadOnlyDictionary<string, SourceDocument> documents,
        Func<string, RequestPeriods?> periodsOfRequest, IReadOnlyDictionary<string, string>? articleIds = null)
    {
        var figures = new List<Figure>();
        // "the following year" refers to the figure printed just before it, in the same table.
        FinancialYear? previous = null;
        (string File, int Table) current = ("", 0);
        foreach (var o in observations)
        {
            if ((o.Source.SourceFile, o.Source.Table) != current)
            {
                current = (o.Source.SourceFile, o.Source.Table);
                previous = null;
            }
            var periods = periodsOfRequest(o.RequestId);
            IReadOnlyList<FinancialYear> years = [];
            var note = "";
            if (o.Period.FinancialYear is { } fy)
            {
                years = [fy];
            }
            else if (periods is not null && o.Period.HasDates && o.Value.Status == ValueStatus.PrintedTotal)
            {
                years = periods.Years.Where(y => o.Period.Start <= y.Start(periods.Basis ?? PeriodBasis.FinancialYear).AddDays(6)
                    && o.Period.End >= y.End(periods.Basis ?? PeriodBasis.FinancialYear).AddDays(-6)).ToList();
            }
            else if (periods is not null)
            {
                var published = documents.GetValueOrDefault(o.Source.SourceFile) is { } d ? PublicationDate(d.ResponseDate) : null;
                var resolved = periods.Resolve(o.Period.Label, previous, published);
                if (resolved.Ok) { years = resolved.Years; note = resolved.Note; }
                else if (RequestPeriods.IsUnstated(o.Period.Label)) note = "no period printed";
                else note = resolved.Problem ?? "";
            }
            if (years.Count == 1 && o.Category.IsNone) previous = years[0];
            var doc = documents.GetValueOrDefault(o.Source.SourceFile);
            var articleId = o.SourceKind == SourceKind.PublishedArticle && doc is not null
                ? articleIds?.GetValueOrDefault(o.Source.SourceFile) ?? ArticleIdOf(doc)
                : "";
            figures.Add(new Figure(
                o.Force.Id, o.SourceKind, articleId, o.Measure, o.Category, years, o.Value.Value, o.Value.Status,
                o.Value.Status == ValueStatus.PrintedTotal || TableLayout.IsTotalLabel(o.Category.Label),
                $"{o.SourceKind.ToContract()}: {o.Force.Id} {o.Question} row {o.Source.Row}", note, o.Question, doc?.Truncated ?? false)
            {
                Suppressed = o.Value.Status == ValueStatus.Suppressed && CellValueParser.SuppressedBounds(o.Value.Raw) is { } b
                    ? new SuppressedRange(o.Value.Raw.Trim(), b.Low, b.High) : null,
            });
        }
        return figures;
    }
}
