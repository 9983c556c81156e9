using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Normalise;

/// <summary>
/// A table that does not say which question it answers (forces' spreadsheets often print only a title
/// such as "Offences by year") is matched to the request's questions by its shape (contract §7): rows
/// of periods fit the request's by-period question, rows of offence categories its by-category
/// offences question, rows of outcomes its outcomes question. The questions come from the request
/// definition, never from fixed ids. When exactly one question fits, the table is read as that
/// question and a warning names the match; when none or several fit, every cell of the table goes to
/// the rejects ledger with the reason.
/// </summary>
internal static class QuestionByShape
{
    /// <summary>Rows looked at to tell a table's shape (its labels are what tell it, and a few hundred say enough).</summary>
    private const int SampleRows = 500;

    /// <summary>What a table's rows are.</summary>
    private enum Shape
    {
        /// <summary>Nothing in the header or labels tells.</summary>
        Unknown,
        Periods,
        OffenceCategories,
        OutcomeCategories,
        /// <summary>Labels that read as offences and as outcomes alike.</summary>
        EitherCategories,
    }

    private static readonly string[] OffenceWords = ["offence", "offences", "offense", "offenses", "crime", "crimes"];

    private static readonly string[] OutcomeWords = ["outcome", "outcomes", "action", "actions", "result", "results", "disposal", "disposals"];

    /// <summary>The transcript with each table that names no question read as the one question its shape fits.</summary>
    public static ResponseTranscript Match(ResponseTranscript t, RequestDefinition request, CategoryResolver categories)
    {
        // A table extracted from a document (web page, Word or PDF letter) leaves its question to the person checking the draft.
        if (t.ExtractedFrom is not null || t.Tables.All(x => x.Question.Trim().Length > 0 || x.RejectReason is not null)) return t;
        var tables = new List<SourceTable>(t.Tables.Count);
        var warnings = new List<Diagnostic>();
        foreach (var table in t.Tables)
        {
            if (table.Question.Trim().Length > 0 || table.RejectReason is not null)
            {
                tables.Add(table);
                continue;
            }
            var shape = ShapeOf(table, request.RequestedBasis, categories);
            var fits = request.Questions.Values.Where(q => Fits(q, shape)).Select(q => q.Id).Order(StringComparer.Ordinal).ToList();
            if (fits.Count == 1)
            {
                tables.Add(table with { Question = fits[0] });
                warnings.Add(new Diagnostic(Severity.Warning, t.SourceFile,
                    $"the table does not say which question it answers; by its shape ({Describe(shape)}) it is read as question {fits[0]}, " +
                    $"the only question of request '{request.Id}' that asks for {Describe(shape)}: check that it is, and name the question in its title to be sure",
                    table.Index, 0, table.Location));
                continue;
            }
            var why = shape == Shape.Unknown
                ? "its shape does not tell: its row labels are neither periods nor Home Office offence or outcome categories"
                : fits.Count == 0
                    ? $"its shape ({Describe(shape)}) fits none of request '{request.Id}''s questions"
                    : $"its shape ({Describe(shape)}) fits questions {string.Join(" and ", fits)} of request '{request.Id}' alike";
            tables.Add(table with { RejectReason = $"the table does not say which question it answers, and {why}: name the question in its title (e.g. 'Question 1a')" });
        }
        return t with { Tables = tables, Warnings = [.. t.Warnings, .. warnings] };
    }

    private static bool Fits(QuestionDefinition q, Shape shape)
    {
        var byPeriod = q.By.Equals("period", StringComparison.OrdinalIgnoreCase) || (q.Periods.Count > 0 && q.Period is null);
        return shape switch
        {
            Shape.Periods => byPeriod,
            Shape.OffenceCategories => !byPeriod && q.Measure == Measure.Offences,
            Shape.OutcomeCategories => !byPeriod && q.Measure == Measure.Outcomes,
            Shape.EitherCategories => !byPeriod,
            _ => false,
        };
    }

    private static string Describe(Shape shape) => shape switch
    {
        Shape.Periods => "periods",
        Shape.OffenceCategories => "offence categories",
        Shape.OutcomeCategories => "outcomes",
        Shape.EitherCategories => "categories that read as offences and as outcomes",
        _ => "unknown",
    };

    /// <summary>
    /// What the table's rows are, from its header first (a column headed "Offence", "Outcome" or "Year"), then
    /// from its row labels (every label a period; labels the Home Office lists know as offences or as outcomes).
    /// </summary>
    private static Shape ShapeOf(SourceTable table, PeriodBasis? basis, CategoryResolver categories)
    {
        var layout = TableLayout.FromHeader(table.Columns, basis);
        var labelColumn = layout.CategoryColumn
            ?? (layout.LabelColumn is { } l && !ReferenceEquals(l, layout.PeriodColumn) ? l : null);
        var labels = labelColumn is null
            ? []
            : table.Rows.Take(SampleRows)
                .Select(r => labelColumn.Index < r.Cells.Count ? (r.Cells[labelColumn.Index] ?? "").Trim() : "")
                .Where(x => x.Length > 0 && !TableLayout.IsTotalLabel(x))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        var nonPeriods = labels.Where(x => PeriodParser.Parse(x, basis) is not { HasDates: true } and not { Basis: PeriodBasis.MultiYear }).ToList();

        if (layout.CategoryColumn is null && nonPeriods.Count == 0 && (layout.PeriodColumn is not null || layout.IsWide || labels.Count > 0))
            return Shape.Periods;
        var offences = nonPeriods.Count(x => categories.Resolve(x, Measure.Offences).Level != CategoryLevel.Unresolved);
        var outcomes = nonPeriods.Count(x => categories.Resolve(x, Measure.Outcomes).Level != CategoryLevel.Unresolved);
        // A wide table whose row labels name no category ("Offences recorded | 2021/22 | 2022/23") is one series by
        // period, whatever its label column is headed.
        if (layout.IsWide && layout.CategoryColumn is null && offences == 0 && outcomes == 0) return Shape.Periods;
        var hint = HeaderHint(labelColumn?.Header);
        if (hint != Shape.Unknown) return hint;
        if (offences > outcomes) return Shape.OffenceCategories;
        if (outcomes > offences) return Shape.OutcomeCategories;
        return offences > 0 ? Shape.EitherCategories : Shape.Unknown;
    }

    /// <summary>A label column headed with an offence word ("Offence type", "Crime description") or an outcome word ("Outcome", "Action taken").</summary>
    private static Shape HeaderHint(string? header)
    {
        var words = LabelKey.Of(header).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var offence = words.Any(w => OffenceWords.Contains(w));
        var outcome = words.Any(w => OutcomeWords.Contains(w));
        return offence == outcome ? Shape.Unknown : offence ? Shape.OffenceCategories : Shape.OutcomeCategories;
    }
}
