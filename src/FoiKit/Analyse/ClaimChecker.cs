using System.Globalization;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>
/// Gives every claim a verdict (contract §4). A force's own response is independent data and can
/// reproduce or contradict a claim; an article's own figures can only make a claim consistent or
/// contradicted; what cannot be checked is said to be so, with what is missing.
/// </summary>
public sealed class ClaimChecker
{
    private readonly KitData _kit;
    private readonly IReadOnlyList<Claim> _claims;
    private readonly IReadOnlyList<Figure> _figures;
    private readonly CategoryResolver _categories;
    private readonly RequestPeriods _defaultPeriods;
    private readonly RequestDefinition _request;
    private readonly IReadOnlyList<SourceDocument> _documents;
    private readonly TidyDataset _data;
    private StudyCoverage? _coverage;

    // Each claim's value as the value grammar reads it (null for kinds that need none), and each
    // article's publication date ("last year" and "this year" count from it), worked out once.
    private readonly Dictionary<Claim, ValueReading?> _readings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, DateOnly> _published = new(StringComparer.Ordinal);

    /// <param name="kit">Reference data and request definitions.</param>
    /// <param name="data">Tidy data to check against (force responses and article transcripts).</param>
    /// <param name="claims">Every claim being checked (an article's other claims are part of its own figures).</param>
    /// <param name="requestId">The request the claims are about; defaults to the one the data answers.</param>
    public ClaimChecker(KitData kit, TidyDataset data, IReadOnlyList<Claim> claims, string? requestId = null)
    {
        _kit = kit;
        _claims = claims;
        _documents = data.Documents;
        _data = data;
        _categories = new CategoryResolver(kit.Reference);
        _request = (requestId is not null ? kit.FindRequest(requestId) : null)
            ?? data.Documents.Select(d => kit.FindRequest(d.RequestId)).FirstOrDefault(r => r is not null)
            ?? kit.Requests.OrderBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidDataException("no request definition to read the claims' periods against (data/requests/ is empty)");
        _defaultPeriods = RequestPeriods.Of(_request);
        foreach (var c in claims)
            _readings[c] = ClaimsReader.ScaleOf(c.Kind) is { } scale ? ValueWording.Read(c.ValueText, scale) : null;
        foreach (var d in data.Documents.Where(d => d.Kind == SourceKind.PublishedArticle))
            if (Evidence.PublicationDate(d.ResponseDate) is { } date) _published.TryAdd(Evidence.ArticleIdOf(d), date);
        var documents = data.Documents.ToDictionary(d => d.SourceFile, StringComparer.Ordinal);
        var fromData = Evidence.FromObservations(data.Observations, documents, PeriodsOf);
        _figures = fromData.Concat(FiguresFromClaims(fromData)).ToList();
    }

    /// <summary>All figures the checker knows (force responses, article transcripts, article count claims).</summary>
    public IReadOnlyList<Figure> Figures => _figures;

    public RequestDefinition Request => _request;

    /// <summary>What the data and claims hold for every force of forces.csv, and whose totals are known (the national note uses it).</summary>
    public StudyCoverage Coverage => _coverage ??= StudyCoverage.Build(_kit, _data, _figures, _claims, _defaultPeriods.Years);

    private RequestPeriods? PeriodsOf(string requestId) =>
        _kit.FindRequest(requestId) is { } r && r.AllYears.Count > 0 ? RequestPeriods.Of(r) : null;

    /// <summary>Verdicts for every claim, in claim order.</summary>
    public IReadOnlyList<Verdict> CheckAll()
    {
        var previousByArticle = new Dictionary<string, FinancialYear?>(StringComparer.Ordinal);
        var verdicts = new List<Verdict>(_claims.Count);
        foreach (var c in _claims)
        {
            var previous = previousByArticle.GetValueOrDefault(c.ArticleId);
            var ctx = Resolve(c, previous);
            if (ctx.Period.IsSingle && c.CategoryLabel.Length == 0 && c.Kind == ClaimKind.Count) previousByArticle[c.ArticleId] = ctx.Period.Years[0];
            verdicts.Add(Check(c, ctx));
        }
        return verdicts;
    }

    /// <summary>
    /// What a printed total, rise and "rising" claimed for a force (in one article, or in any)
    /// allow for its yearly figures; null when nothing but the total constrains them. The one
    /// place bounds are built, for verdict notes, notebooks and the report alike.
    /// </summary>
    public SplitBounds? YearBounds(string forceId, long total, string? articleId = null) => YearBounds(forceId, total, articleId, out _);

    /// <param name="whyNot">When a rise or "rising" was printed but no bounds are worked out, why (too many years, too large a total).</param>
    private SplitBounds? YearBounds(string forceId, long total, string? articleId, out string? whyNot)
    {
        whyNot = null;
        var years = _defaultPeriods.Years;
        if (years.Count < 2) return null;
        var claims = _claims.Where(x => !x.IsNational && (articleId is null || x.ArticleId == articleId)
            && _kit.Reference.Forces.Resolve(x.Force) is { Ok: true } f && f.Value!.Id == forceId).ToList();
        bool SpansYears(Claim x) => _defaultPeriods.Resolve(x.PeriodLabel, published: PublishedOf(x)).Years.Count != 1;
        var growth = claims.FirstOrDefault(x => x.Kind == ClaimKind.GrowthPct && _readings[x] is { Ok: true } && SpansYears(x));
        // Only "rising year on year" says every year is above the one before; "rising figures" says nothing of the middle year.
        var rising = claims.Any(x => x.Kind == ClaimKind.Rising && RiseOf(x).Kind == RiseKind.EveryPeriod && !RiseOf(x).Falling && SpansYears(x));
        // A total alone allows almost any split: bounds say something only with a rise or "rising".
        if (growth is null && !rising) return null;
        // The enumeration is of two- and three-year splits, and its work grows with the total: past those, say so.
        if (years.Count > 3)
        {
            whyNot = string.Create(CultureInfo.InvariantCulture, $"yearly bounds from the printed total, rise and 'rising' are worked out over two or three years, not the request's {years.Count}");
            return null;
        }
        var limit = growth is null ? YearSplits.MaxTotalWithoutRise : YearSplits.MaxTotal;
        if (total > limit)
        {
            whyNot = string.Create(CultureInfo.InvariantCulture, $"yearly bounds are worked out for totals up to {limit:#,0}{(growth is null ? " when no rise is printed" : "")}, and this one is {total:#,0}");
            return null;
        }
        return growth is null
            ? YearSplits.Enumerate(total, years.Count, null, 0, rising)
            : YearSplits.Enumerate(total, years.Count, _readings[growth]!, rising);
    }

    private DateOnly? PublishedOf(Claim c) => _published.TryGetValue(c.ArticleId, out var d) ? d : null;

    /// <summary>What a rising claim's wording says: every period above the one before, or the last above the first.</summary>
    private static RiseReading RiseOf(Claim c)
    {
        var r = ClaimWording.ReadRise($"{c.Text} {c.PeriodLabel}");
        // The contract's `rising` is "every period above the one before"; wording that says no more keeps it.
        return r.Kind == RiseKind.None && r.Words.Length == 0
            ? new RiseReading(RiseKind.EveryPeriod, false, "", "no rise wording in the claim's text: read as the contract's 'rising', every period above the one before")
            : r;
    }

    /// <summary>A claim's value when it is one exact whole count ("37", "three", "no"), else null.</summary>
    private long? ExactCount(Claim c) =>
        _readings.GetValueOrDefault(c) is { Ok: true, Scale: ValueScale.Count, Bound: ValueBound.Exact } r && r.Tolerance == WordingTolerances.Exact
        && r.Allowed.Low == r.Allowed.High && r.Stated == decimal.Truncate(r.Stated)
            ? (long)r.Stated
            : null;

    /// <summary>What a claim refers to, once resolved.</summary>
    private sealed record ClaimContext(Force? Force, ResolvedPeriod Period, Category Category, Measure Measure, string? Problem, string PeriodNote);

    private ClaimContext Resolve(Claim c, FinancialYear? previous)
    {
        var measure = c.Measure == ClaimMeasure.Offences ? Measure.Offences : Measure.Outcomes;
        var category = c.CategoryLabel.Length == 0
            ? (c.Measure == ClaimMeasure.Charges ? ChargeCategory() : Category.None)
            : _categories.Resolve(c.CategoryLabel, measure);
        if (c.Measure == ClaimMeasure.Charges && category.Level != CategoryLevel.Code) category = ChargeCategory() with { Label = c.CategoryLabel };

        Force? force = null;
        string? problem = null;
        if (!c.IsNational)
        {
            var f = _kit.Reference.Forces.Resolve(c.Force);
            if (f.Ok) force = f.Value;
            else problem = $"the force cannot be resolved: {f.Error}";
        }

        var period = _defaultPeriods.Resolve(c.PeriodLabel, previous, PublishedOf(c));
        var note = period.Named;
        if (RequestPeriods.IsUnstated(c.PeriodLabel))
        {
            var breakdown = BreakdownYear(measure);
            var hasCategory = !category.IsNone || c.Measure == ClaimMeasure.Charges;
            if ((c.Kind is ClaimKind.Count or ClaimKind.MostCommon or ClaimKind.Share || c.Kind == ClaimKind.AtLeast && !category.IsNone) && hasCategory && breakdown is { } by)
            {
                period = new ResolvedPeriod([by], "", null);
                note = $"no period printed: read as {by.Label}, the period of the request's {measure.ToContract()} breakdown";
            }
            else if (c.Kind is ClaimKind.Total or ClaimKind.GrowthPct or ClaimKind.Rising or ClaimKind.AtLeast or ClaimKind.Highest)
            {
                period = new ResolvedPeriod(_defaultPeriods.Years, "", null);
                note = $"no period printed: read as the request's years {_defaultPeriods.Years[0].Label} to {_defaultPeriods.Latest.Label}";
            }
            else
            {
                period = new ResolvedPeriod([], "", "no period printed for a yearly figure, so which year it is cannot be known");
            }
        }
        return new ClaimContext(force, period, category, measure, problem, note);
    }

    private Category ChargeCategory() =>
        _kit.Reference.Outcomes.FindCode("1") is { } t
            ? new Category("charges", CategoryLevel.Code, t.Code, t.ShortName, t.HoGroup, t.BroadGroup)
            : Category.Unresolved("charges");

    /// <summary>The period of the request's by-category question for a measure (2023/24 here).</summary>
    private FinancialYear? BreakdownYear(Measure m) =>
        _request.Questions.Values.Where(q => q.Measure == m && q.Period is not null).Select(q => q.Period).FirstOrDefault()
        ?? _request.Questions.Values.Where(q => q.Period is not null).Select(q => q.Period).FirstOrDefault();

    private Verdict Check(Claim c, ClaimContext ctx)
    {
        var claimed = Claimed(c);
        if (c.ValueProblem is { } valueProblem)
            return new Verdict(c.ClaimId, VerdictKind.Ambiguous, claimed, "", "claim_resolution: value", valueProblem);
        if (c.IsNational) return National(c, claimed, ctx);
        if (ctx.Problem is not null) return new Verdict(c.ClaimId, VerdictKind.Ambiguous, claimed, "", "claim_resolution: force", ctx.Problem);
        if (!ctx.Period.Ok)
            return new Verdict(c.ClaimId, VerdictKind.Ambiguous, claimed, "", "claim_resolution: period", $"the period cannot be resolved: {ctx.Period.Problem}");

        var own = _figures.Where(f => f.ForceId == ctx.Force!.Id && f.Kind == SourceKind.ForceResponse).ToList();
        var independent = own.Count > 0;
        var article = _figures.Where(f => f.ForceId == ctx.Force!.Id && f.Kind == SourceKind.PublishedArticle && f.ArticleId == c.ArticleId).ToList();
        var evidence = independent ? own : article.Where(f => !IsSelf(c, ctx, f)).ToList();
        var printedOnce = !independent && article.Any(f => IsSelf(c, ctx, f));
        var check = new Checker(this, c, ctx, evidence, independent, claimed, printedOnce, _readings[c]);
        return c.Kind switch
        {
            ClaimKind.Count when ctx.Category.IsNone && c.Measure != ClaimMeasure.Charges => check.YearCount(),
            ClaimKind.Count => check.CategoryCount(),
            ClaimKind.Total => ctx.Period.IsSingle && !ctx.Category.IsNone ? check.CategoryCount() : check.Total(),
            ClaimKind.GrowthPct => check.Growth(),
            ClaimKind.Rising => check.Rising(),
            ClaimKind.MostCommon => check.MostCommon(),
            ClaimKind.Share => check.Share(_readings[c]!, ""),
            ClaimKind.Highest => check.Highest(),
            _ when !ctx.Category.IsNone => check.CategoryCount(),
            _ => check.AtLeast(),
        };
    }

    /// <summary>What the claim says, for the verdict's <c>claimed</c> column: the value as printed, with the kind's word when the value is a bare figure.</summary>
    private static string Claimed(Claim c)
    {
        var bare = c.ValueText.Length > 0 && c.ValueText.All(ch => char.IsAsciiDigit(ch) || ch is ',' or '.' or '-');
        return c.Kind switch
        {
            ClaimKind.Rising => "rising",
            ClaimKind.MostCommon => $"most common: {c.CategoryLabel}",
            ClaimKind.Highest => ClaimWording.ReadHighest(c.Text).Lowest ? "lowest" : "highest",
            ClaimKind.Share => $"{(bare ? c.ValueText + "%" : c.ValueText)} of {c.Measure.ToContract()}: {c.CategoryLabel}",
            ClaimKind.GrowthPct => bare ? $"{c.ValueText}%" : c.ValueText,
            ClaimKind.AtLeast => bare ? $"more than {c.ValueText}" : c.ValueText,
            _ => c.ValueText,
        };
    }

    /// <summary>An article figure that is the claim itself (the same printed number) is not evidence for it.</summary>
    private bool IsSelf(Claim c, ClaimContext ctx, Figure f) =>
        f.Basis == $"article_claims: {c.ClaimId}"
        || (ExactCount(c) is { } v && f.Value == v && SameCategory(ctx.Category, f.Category, strictLabel: true)
            && (f.Years.SequenceEqual(ctx.Period.Years) || f.Years.Count == 0));

    internal static bool SameCategory(Category claim, Category fig, bool strictLabel = false)
    {
        if (claim.IsNone || fig.IsNone) return claim.IsNone && fig.IsNone;
        if (strictLabel && LabelKey.Of(claim.Label) == LabelKey.Of(fig.Label)) return true;
        return claim.Level switch
        {
            CategoryLevel.Code => fig.Level == CategoryLevel.Code && fig.Code == claim.Code,
            CategoryLevel.Subgroup => fig.Level is CategoryLevel.Code or CategoryLevel.Subgroup && fig.Subgroup == claim.Subgroup,
            CategoryLevel.Group => fig.Level != CategoryLevel.Unresolved && fig.Group == claim.Group,
            _ => LabelKey.Of(claim.Label) == LabelKey.Of(fig.Label),
        };
    }

    /// <summary>
    /// The article's count and total claims, as figures (skipping those its transcript already holds). Only a value
    /// printed as one exact count ("37", "three", "no") is a figure; "more than 500" or "hundreds" bound one but are none.
    /// </summary>
    private IEnumerable<Figure> FiguresFromClaims(IReadOnlyList<Figure> fromData)
    {
        var previousByArticle = new Dictionary<string, FinancialYear?>(StringComparer.Ordinal);
        foreach (var c in _claims)
        {
            if (c.IsNational || c.Kind is not (ClaimKind.Count or ClaimKind.Total) || ExactCount(c) is not { } v) continue;
            var ctx = Resolve(c, previousByArticle.GetValueOrDefault(c.ArticleId));
            if (ctx.Period.IsSingle && c.CategoryLabel.Length == 0) previousByArticle[c.ArticleId] = ctx.Period.Years[0];
            if (ctx.Force is null || !ctx.Period.Ok) continue;
            var fig = new Figure(ctx.Force.Id, SourceKind.PublishedArticle, c.ArticleId, ctx.Measure, ctx.Category,
                ctx.Period.Years, v, ValueStatus.Reported, c.Kind == ClaimKind.Total, $"article_claims: {c.ClaimId}",
                // A figure printed with no period says which year it was read as; loose wording keeps its note.
                RequestPeriods.IsUnstated(c.PeriodLabel) ? ctx.PeriodNote : ctx.Period.Note, "", false);
            var printed = fromData.Any(f => f.ArticleId == c.ArticleId && f.ForceId == fig.ForceId && f.Value == fig.Value
                && f.Years.SequenceEqual(fig.Years) && SameCategory(fig.Category, f.Category, strictLabel: true));
            if (!printed) yield return fig;
        }
    }

    private Verdict National(Claim c, string claimed, ClaimContext ctx)
    {
        var years = _defaultPeriods.Years;
        var known = Coverage.Known.Select(k => (k.Force, Total: k.Total!.Value, Source: k.TotalSource)).ToList();
        var territorial = Coverage.TerritorialForces;
        var knownSum = known.Sum(k => k.Total);
        var list = string.Join("; ", known.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Force.Id} {k.Total} ({k.Source})")));
        var note = known.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"not checkable: the study gives no force's total over the request's years (0 of {territorial} territorial forces).")
            : string.Create(CultureInfo.InvariantCulture, $"not checkable from {known.Count} of {territorial} territorial forces: {list}; together {knownSum}.");
        var printedTotals = _claims.Where(x => x.IsNational && x.Kind == ClaimKind.AtLeast && x.Value is not null && x.ValueProblem is null)
            .GroupBy(x => x.Value!.Value).OrderByDescending(g => g.Key).ToList();
        if (c.Kind == ClaimKind.AtLeast && c.Value is { } n)
        {
            var others = territorial - known.Count;
            var need = others > 0 ? (n - knownSum) / others : 0;
            var maxKnown = known.Count > 0 ? known.Max(k => k.Total) : 0;
            note += string.Create(CultureInfo.InvariantCulture,
                $" More than {n:0} would need the other {others} forces to average more than {Math.Max(0, need):0} each over the {NumberWords.Of(years.Count)} years");
            note += maxKnown > 0
                ? string.Create(CultureInfo.InvariantCulture, $" ({Math.Max(0, need) / maxKnown:0.0} times the largest known force figure, {maxKnown}).")
                : ".";
        }
        if (printedTotals.Count > 1)
        {
            note += " The same request's national total is printed as " + string.Join(" and as ",
                printedTotals.Select(g =>
                {
                    var articles = g.Select(x => x.ArticleId).Distinct().ToList();
                    return string.Create(CultureInfo.InvariantCulture, $"more than {g.Key:#,0} by {articles.Count} article(s) in the data ({string.Join(", ", articles)})");
                })) + ".";
        }
        // What the request's definition says must go with any sum or comparison of forces' figures.
        if (_request.ComparisonCaveat.Length > 0) note += " " + _request.ComparisonCaveat;
        if (ctx.PeriodNote.Length > 0) note += $" Period: {ctx.PeriodNote}.";
        return new Verdict(c.ClaimId, VerdictKind.NotCheckable, claimed, "", $"national_context: {known.Count} forces", note);
    }

    /// <summary>The arithmetic of one claim against one body of evidence.</summary>
    private sealed class Checker(ClaimChecker owner, Claim c, ClaimContext ctx, List<Figure> evidence, bool independent, string claimed, bool printedOnce, ValueReading? reading)
    {
        private string Mode => independent ? "force_response" : "article_figures";

        private Verdict Make(VerdictKind kind, string computed, string basis, string note)
        {
            var notes = new List<string>();
            if (ctx.PeriodNote.Length > 0) notes.Add(ctx.PeriodNote);
            if (note.Length > 0) notes.Add(note);
            if (kind == VerdictKind.Consistent && !independent)
                notes.Add("agrees with the article's own figures; no force response to check it against");
            if (independent && kind == VerdictKind.NotCheckable && evidence.Any(f => f.Truncated)) notes.Add("the force's response was cut off in the stored copy: the missing figures may be in the part not seen");
            // Every verdict names what it was judged against, and only a check that ran shows a result.
            if (basis.Length == 0) basis = Mode;
            if (kind is VerdictKind.NotCheckable or VerdictKind.Ambiguous) computed = "";
            return new Verdict(c.ClaimId, kind, claimed, computed, basis, string.Join("; ", notes.Distinct()));
        }

        private VerdictKind Agree(bool same) => same
            ? (independent ? VerdictKind.Reproduced : VerdictKind.Consistent)
            : VerdictKind.Contradicted;

        /// <summary>
        /// The counts the claim allows: its value's interval ("nearly 50" is 45 to 49, "three" is 3); for an
        /// <c>at_least</c> claim printed as a bare figure, more than it (the contract's "more than N").
        /// </summary>
        private ValueInterval Allowed => c.Kind == ClaimKind.AtLeast && reading!.Bound == ValueBound.Exact
            ? new ValueInterval(reading.Stated, false, null, false)
            : reading!.Allowed;

        private bool Holds(long computed) => Allowed.Contains(computed);

        /// <summary>The value's reading for the note, when its words say more than a bare figure ("nearly 50", "three", "doubled").</summary>
        private string ValueNote
        {
            get
            {
                if (reading is not { Ok: true } r) return "";
                if (c.Kind == ClaimKind.AtLeast && r.Bound == ValueBound.Exact) return "'more than' checked as strictly greater";
                return r.IsApproximate || r.Bound != ValueBound.Exact || r.Printed.Any(char.IsLetter) ? r.Name : "";
            }
        }

        private static string Rows(IEnumerable<Figure> figs)
        {
            var list = figs.ToList();
            if (list.Count == 0) return "";
            var head = list[0].Basis;
            var prefix = head[..(head.LastIndexOf(" row ", StringComparison.Ordinal) + 1)];
            if (list.All(f => f.Basis.StartsWith(prefix, StringComparison.Ordinal) && f.Basis.Contains(" row ", StringComparison.Ordinal)))
            {
                var rows = list.Select(f => int.Parse(f.Basis[(prefix.Length + 4)..], CultureInfo.InvariantCulture)).Order().ToList();
                var contiguous = rows.Count > 1 && rows[^1] - rows[0] == rows.Count - 1;
                return rows.Count == 1 ? head : $"{prefix}rows {(contiguous ? $"{rows[0]}-{rows[^1]}" : string.Join(",", rows))}";
            }
            return string.Join(" + ", list.Select(f => f.Basis));
        }

        private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

        private static string Pct(decimal v) => string.Create(CultureInfo.InvariantCulture, $"{v:0.##}%");

        private Figure? Year(FinancialYear y) => evidence.FirstOrDefault(f =>
            f.Category.IsNone && f.Measure == Measure.Offences && !f.IsTotal && f.Covers(y));

        /// <summary>A yearly figure, printed, or derived from the article's total less its other years.</summary>
        private (long? Value, string Basis, string Note) YearValue(FinancialYear y)
        {
            var f = Year(y);
            if (f is not null)
                return f.Value is { } v ? (v, f.Basis, f.Note) : (null, f.Basis, $"{y.Label} is {f.Status.ToContract()} in the source");
            var years = owner._defaultPeriods.Years;
            if (!years.Contains(y)) return (null, "", $"{y.Label} is not one of the request's years, so no figure for it exists");
            var total = evidence.FirstOrDefault(t => t.Category.IsNone && t.Measure == Measure.Offences && t.IsTotal && t.Years.SequenceEqual(years) && t.Value is not null);
            var others = years.Where(o => o != y).Select(Year).ToList();
            if (total is not null && others.All(o => o?.Value is not null))
            {
                var derived = total.Value!.Value - others.Sum(o => o!.Value!.Value);
                return (derived, $"{Rows([total])} minus {Rows(others!)}", $"{y.Label} derived: the printed total {N(total.Value.Value)} less the other years");
            }
            return (null, "", $"no figure for {y.Label} is printed");
        }

        /// <summary>
        /// The range a total over <paramref name="years"/> can take when every year is printed and the only missing ones
        /// are suppressed with a marker that bounds them ("&lt;5": 0 to 4); null when a year is missing or bounds nothing.
        /// </summary>
        private (long Low, long High, string Basis, string Note)? SuppressedRange(IReadOnlyList<FinancialYear> years)
        {
            var yearly = years.Select(Year).ToList();
            if (yearly.Any(f => f is null || (f.Value is null && f.Suppressed is null)) || yearly.All(f => f!.Value is not null)) return null;
            var low = yearly.Sum(f => f!.Value ?? f.Suppressed!.Low);
            var high = yearly.Sum(f => f!.Value ?? f.Suppressed!.High);
            var suppressed = years.Zip(yearly).Where(p => p.Second!.Value is null)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First.Label} is suppressed as '{p.Second!.Suppressed!.Printed}' ({p.Second.Suppressed.Low} to {p.Second.Suppressed.High})"));
            return (low, high, Rows(yearly!), string.Join("; ", suppressed));
        }

        private (long? Value, string Basis, string Note) TotalValue(IReadOnlyList<FinancialYear> years)
        {
            var yearly = years.Select(Year).ToList();
            if (yearly.All(f => f?.Value is not null))
                return (yearly.Sum(f => f!.Value!.Value), Rows(yearly!), "");
            var printed = evidence.FirstOrDefault(t => t.Category.IsNone && t.Measure == Measure.Offences && t.IsTotal && t.Years.SequenceEqual(years) && t.Value is not null);
            if (printed is not null) return (printed.Value, printed.Basis, "the printed total (yearly figures not all printed)");
            return (null, "", yearly.Any(f => f is null) ? "not every year's figure is printed" : "a yearly figure is suppressed");
        }

        public Verdict YearCount()
        {
            if (!ctx.Period.IsSingle)
                return Make(VerdictKind.Ambiguous, "", "", "a one-figure claim whose period covers several years");
            var y = ctx.Period.Years[0];
            var (value, basis, note) = YearValue(y);
            if (value is null) return Make(VerdictKind.NotCheckable, "", basis.Length > 0 ? $"{Mode}: {basis}" : Mode, Join(ValueNote, Missing(note)));
            return Make(Agree(Holds(value.Value)), N(value.Value), basis, Join(ValueNote, note));
        }

        private string Missing(string why) => independent ? why
            : printedOnce ? "the article prints this figure and nothing else that pins it down; no force response to check it against"
            : $"{why}; the article's other figures do not pin it down";

        /// <summary>A category figure for one year, against the counts the claim's value allows.</summary>
        public Verdict CategoryCount()
        {
            if (!ctx.Period.IsSingle)
                return Make(VerdictKind.NotCheckable, "", Mode, Join(ValueNote, $"the request asked for {ctx.Measure.ToContract()} by category for one year only, so a figure over {ctx.Period.Label} cannot come from its answer"));
            var y = ctx.Period.Years[0];
            var cat = ctx.Category;
            var pool = evidence.Where(f => f.Measure == ctx.Measure && !f.Category.IsNone && f.Covers(y)).ToList();
            if (cat.Level == CategoryLevel.Unresolved && !pool.Any(f => SameCategory(cat, f.Category)))
                return Make(VerdictKind.Ambiguous, "", Mode, $"'{c.CategoryLabel}' is not a Home Office {ctx.Measure.ToContract()} category, so what it covers cannot be pinned to one thing"
                    + (printedOnce ? "; the article prints it once and nothing else checks it" : $"; no figure printed for {y.Label} has that label"));
            var parts = pool.Where(f => !f.IsTotal && SameCategory(cat, f.Category)).ToList();
            var levelNote = LevelNote(cat);
            if (parts.Count == 0)
            {
                var table = pool.Where(f => !f.IsTotal).ToList();
                var total = pool.FirstOrDefault(f => f.IsTotal && f.Value is not null);
                var complete = independent && table.Count > 0 && table.All(f => f.Value is not null) && total is not null
                    && total.Value == table.Sum(f => f.Value!.Value);
                if (complete)
                    return Make(Agree(Holds(0)), "0", Rows(table), Join(levelNote, ValueNote, $"no '{c.CategoryLabel}' figure among the {table.Count} categories printed for {y.Label}, whose sum equals the printed total"));
                var missing = pool.Count == 0
                    ? $"no {ctx.Measure.ToContract()} breakdown for {y.Label} is in the data"
                    : $"the breakdown printed for {y.Label} has no '{c.CategoryLabel}' figure and may be partial";
                return Make(VerdictKind.NotCheckable, "", Mode, Join(levelNote, ValueNote, Missing(missing)));
            }
            var unknown = parts.Where(f => f.Value is null).ToList();
            var sum = parts.Where(f => f.Value is not null).Sum(f => f.Value!.Value);
            if (unknown.Count > 0)
            {
                // Suppressed parts only add: the figure is the known parts or more. An upper end below them
                // contradicts; an interval with no upper end that holds them is met whatever the suppressed parts are.
                var allowed = Allowed;
                var above = allowed.High is { } hi && (allowed.HighIncluded ? sum > hi : sum >= hi);
                var verdict = above ? VerdictKind.Contradicted : allowed.High is null && allowed.Contains(sum) ? Agree(true) : VerdictKind.NotCheckable;
                return Make(verdict, $"at least {N(sum)}", Rows(parts), Join(levelNote, ValueNote, $"{unknown.Count} part(s) suppressed or not available"));
            }
            return Make(Agree(Holds(sum)), N(sum), Rows(parts), Join(levelNote, parts.Count > 1 ? $"sum of {parts.Count} printed categories" : "", ValueNote));
        }

        private string LevelNote(Category cat) => c.CategoryLabel.Length == 0 ? $"{c.Measure.ToContract()} read as outcome {cat.Code} ({cat.Name})" : cat.Level switch
        {
            CategoryLevel.Subgroup or CategoryLevel.Group => $"'{c.CategoryLabel}' read as the {cat.Level.ToContract()} '{cat.Name}'",
            CategoryLevel.Code when LabelKey.Of(cat.Name) != LabelKey.Of(c.CategoryLabel) => $"'{c.CategoryLabel}' read as {(ctx.Measure == Measure.Outcomes ? "outcome" : "offence code")} {cat.Code} ({cat.Name})",
            _ => "",
        };

        public Verdict Total()
        {
            var (value, basis, note) = TotalValue(ctx.Period.Years);
            if (value is null && SuppressedRange(ctx.Period.Years) is { } range)
            {
                // A year printed as "<5" is 0 to 4: the total lies in a range, and a claim that overlaps it cannot be contradicted.
                var (first, last) = Allowed.Whole();
                var any = Math.Max(first ?? long.MinValue, range.Low) <= Math.Min(last ?? long.MaxValue, range.High);
                var computed = string.Create(CultureInfo.InvariantCulture, $"{N(range.Low)} to {N(range.High)}");
                return Make(any ? VerdictKind.Consistent : VerdictKind.Contradicted, computed, range.Basis,
                    Join(range.Note, $"sum over {ctx.Period.Label} is {computed}", ValueNote));
            }
            if (value is null)
                return Make(VerdictKind.NotCheckable, "", Mode, Join(ValueNote, Missing(note), Bounds()));
            return Make(Agree(Holds(value.Value)), N(value.Value), basis, Join(note, ctx.Period.Years.Count > 1 ? $"sum over {ctx.Period.Label}" : "", ValueNote));
        }

        public Verdict AtLeast()
        {
            var years = ctx.Period.Years;
            var (value, basis, note) = ctx.Category.IsNone && ctx.Measure == Measure.Offences
                ? (years.Count == 1 ? YearValue(years[0]) : TotalValue(years))
                : (null, "", "only yearly offence totals can be checked against 'more than'");
            if (value is null) return Make(VerdictKind.NotCheckable, "", Mode, Join(ValueNote, Missing(note)));
            return Make(Agree(Holds(value.Value)), N(value.Value), basis, Join(note, ValueNote));
        }

        public Verdict Growth()
        {
            var years = ctx.Period.Years;
            FinancialYear first, last;
            var note = "";
            if (years.Count == 1)
            {
                last = years[0];
                first = new FinancialYear(last.StartYear - 1);
                note = $"read as the rise from {first.Label} to {last.Label} (one year's period printed)";
            }
            else
            {
                first = years[0];
                last = years[^1];
                note = $"rise from {first.Label} to {last.Label}";
            }
            var a = YearValue(first);
            var b = YearValue(last);
            if (a.Value is null || b.Value is null)
                return Make(VerdictKind.NotCheckable, "", Mode, Join(ValueNote, Missing(a.Value is null ? a.Note : b.Note), Bounds()));
            if (a.Value == 0) return Make(VerdictKind.NotCheckable, "", Join(a.Basis, b.Basis), "the first year is zero: a percentage rise is undefined");
            var r = reading!;
            // The unrounded rise is compared with what the printed words allow: "73" is 72.5% to under 73.5%
            // (its printed precision), "doubled" a rise of 80% to 120%.
            var exact = (decimal)(b.Value.Value - a.Value.Value) * 100m / a.Value.Value;
            var shown = Math.Round(exact, r.Decimals, MidpointRounding.AwayFromZero);
            var how = r.Tolerance == WordingTolerances.Exact
                ? string.Create(CultureInfo.InvariantCulture, $"{N(a.Value.Value)} to {N(b.Value.Value)} is {exact:0.##}%, compared at the printed precision ({r.Decimals} decimal places)")
                : string.Create(CultureInfo.InvariantCulture, $"{N(a.Value.Value)} to {N(b.Value.Value)} is {exact:0.##}%; {r.Name}");
            return Make(Agree(r.Allows(exact)), string.Create(CultureInfo.InvariantCulture, $"{shown}%"), $"{a.Basis}; {b.Basis}",
                Join(note, how, r.Tolerance == WordingTolerances.Exact && r.Printed.Any(char.IsLetter) ? r.Name : "", Join(a.Note, b.Note)));
        }

        /// <summary>
        /// "Rising year on year" (every period above the one before) or "rising figures" (the last above the
        /// first), as the claim's wording says; the reading is named in the note.
        /// </summary>
        public Verdict Rising()
        {
            var rise = RiseOf(c);
            if (rise.Kind == RiseKind.None)
                return Make(VerdictKind.Ambiguous, "", Mode, $"{rise.Name}: the claim's kind is 'rising' but its wording claims no rise");
            var years = ctx.Period.Years.Count == 1
                ? new List<FinancialYear> { new(ctx.Period.Years[0].StartYear - 1), ctx.Period.Years[0] }
                : ctx.Period.Years.ToList();
            // "Rising figures" compares the last period with the first; the years between need not be known
            // (they are shown when they are).
            var all = years.Select(YearValue).ToList();
            var needed = rise.Kind == RiseKind.EveryPeriod ? all : [all[0], all[^1]];
            var gap = needed.FindIndex(v => v.Value is null);
            if (gap >= 0) return Make(VerdictKind.NotCheckable, "", Mode, Join(rise.Name, Missing(needed[gap].Note), Bounds()));
            var shown = years.Zip(all).Where(p => p.Second.Value is not null).ToList();
            bool Step(long before, long after) => rise.Falling ? after < before : after > before;
            var (first, last) = (all[0].Value!.Value, all[^1].Value!.Value);
            var holds = rise.Kind == RiseKind.EveryPeriod
                ? all.Zip(all.Skip(1), (x, y) => Step(x.Value!.Value, y.Value!.Value)).All(b => b)
                : Step(first, last);
            var text = string.Join(", ", shown.Select(p => $"{p.First.Label} {N(p.Second.Value!.Value)}"));
            var dir = rise.Falling ? "below" : "above";
            var result = rise.Kind == RiseKind.EveryPeriod
                ? holds ? $"each year {dir} the one before" : $"not every year is {dir} the one before"
                : $"{years[^1].Label} ({N(last)}) {(holds ? "" : "not ")}{dir} {years[0].Label} ({N(first)})";
            return Make(Agree(holds), text, string.Join("; ", shown.Select(p => p.Second.Basis)), Join(rise.Name, result));
        }

        /// <summary>
        /// "A three-year high": the claimed period above every other period it is compared with (the span the
        /// words give, else the request's years). Highs across forces or categories are not about this force's years.
        /// </summary>
        public Verdict Highest()
        {
            var high = ClaimWording.ReadHighest(c.Text);
            var word = high.Lowest ? "lowest" : "highest";
            switch (high.Scope)
            {
                case HighScope.Forces:
                    return Make(VerdictKind.NotCheckable, "", Mode, $"{high.Name}; that needs every force's figure for the same category and period, and the data holds a few forces' answers");
                case HighScope.Categories:
                    return Make(VerdictKind.NotCheckable, "", Mode, $"{high.Name}; as a 'highest' claim it says nothing of the periods (a most_common claim would check it)");
            }
            var name = high.Scope == HighScope.None
                ? $"no 'highest' wording in the claim's text: read as the contract's 'highest', the period the {word} of the request's periods"
                : high.Name;
            if (!ctx.Period.IsSingle)
                return Make(VerdictKind.Ambiguous, "", Mode, $"{name}; which period is the {word} is not said ({ctx.Period.Label} is several years)");
            if (!ctx.Category.IsNone)
                return Make(VerdictKind.NotCheckable, "", Mode, $"{name}; the request asked for {ctx.Measure.ToContract()} by category for one year only, so a category's {word} year cannot come from its answer");
            var y = ctx.Period.Years[0];
            var all = owner._defaultPeriods.Years;
            IReadOnlyList<FinancialYear> span = all;
            if (high.Years is { } n)
            {
                span = Enumerable.Range(0, n).Select(k => new FinancialYear(y.StartYear - n + 1 + k)).ToList();
                var outside = span.Where(s => !all.Contains(s)).ToList();
                if (outside.Count > 0)
                    return Make(VerdictKind.NotCheckable, "", Mode, $"{name}; the {n} years to {y.Label} reach {outside[0].Label}, which the request did not ask for");
            }
            var values = span.Select(YearValue).ToList();
            if (values.Any(v => v.Value is null))
                return Make(VerdictKind.NotCheckable, "", Mode, Join(name, Missing(values.First(v => v.Value is null).Note), Bounds()));
            var mine = values[span.ToList().IndexOf(y)].Value!.Value;
            var others = span.Zip(values).Where(p => p.First != y).ToList();
            var holds = others.All(p => high.Lowest ? mine < p.Second.Value : mine > p.Second.Value);
            var tie = others.FirstOrDefault(p => p.Second.Value == mine);
            var text = string.Join(", ", span.Zip(values, (s, v) => $"{s.Label} {N(v.Value!.Value)}"));
            var result = holds ? $"{y.Label} is the {word} of {span.Count} years"
                : tie.Second.Value is not null ? $"{y.Label} equals {tie.First.Label}, so it is no {word}"
                : $"{y.Label} is not the {word} of {span.Count} years";
            return Make(Agree(holds), text, string.Join("; ", values.Select(v => v.Basis)), Join(name, result));
        }

        public Verdict MostCommon()
        {
            var wording = ClaimWording.ReadMostCommon(c.Text);
            if (wording.Kind == MostCommonKind.AmongTop)
                return Make(VerdictKind.NotCheckable, "", Mode, wording.Name);
            // "Most of the offences" says more than half, which is a share, not a rank.
            if (wording.Kind == MostCommonKind.Majority)
                return Share(ValueWording.Read("most", ValueScale.Share), wording.Name);
            if (!ctx.Period.IsSingle)
                return Make(VerdictKind.NotCheckable, "", Mode, $"the request asked for breakdowns of one year only, so which category was most common over {ctx.Period.Label} cannot come from its answer");
            var y = ctx.Period.Years[0];
            var cat = ctx.Category;
            var parts = evidence.Where(f => f.Measure == ctx.Measure && !f.Category.IsNone && !f.IsTotal && f.Covers(y) && f.Value is not null).ToList();
            if (parts.Count == 0)
                return Make(VerdictKind.NotCheckable, "", Mode, Missing($"no {ctx.Measure.ToContract()} breakdown for {y.Label} is in the data"));
            if (cat.Level == CategoryLevel.Unresolved && !parts.Any(f => SameCategory(cat, f.Category)))
                return Make(VerdictKind.Ambiguous, "", Mode, $"'{c.CategoryLabel}' is not a Home Office {ctx.Measure.ToContract()} category and matches no printed figure");
            string Key(Category fc) => cat.Level switch
            {
                CategoryLevel.Code when fc.Level == CategoryLevel.Code => fc.Code,
                CategoryLevel.Subgroup when fc.Subgroup.Length > 0 && fc.Level is CategoryLevel.Code or CategoryLevel.Subgroup => fc.Subgroup,
                CategoryLevel.Group when fc.Group.Length > 0 && fc.Level != CategoryLevel.Unresolved => fc.Group,
                _ => "label: " + fc.Label,
            };
            var claimedKey = cat.Level switch
            {
                CategoryLevel.Code => cat.Code,
                CategoryLevel.Subgroup => cat.Subgroup,
                CategoryLevel.Group => cat.Group,
                _ => "label: " + cat.Label,
            };
            if (cat.Level == CategoryLevel.Unresolved)
                claimedKey = parts.Where(f => SameCategory(cat, f.Category)).Select(f => Key(f.Category)).First();
            var sums = parts.GroupBy(f => Key(f.Category)).Select(g => (Key: g.Key, Sum: g.Sum(f => f.Value!.Value), Figs: g.ToList()))
                .OrderByDescending(g => g.Sum).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            var top = sums[0];
            var mine = sums.FirstOrDefault(s => s.Key == claimedKey);
            var table = string.Join(", ", sums.Select(s => $"{s.Key.Replace("label: ", "", StringComparison.Ordinal)} {N(s.Sum)}"));
            var partial = evidence.Any(f => f.Measure == ctx.Measure && f.IsTotal && f.Covers(y) && f.Value == parts.Sum(p => p.Value!.Value))
                ? "" : "the printed breakdown may be partial (no printed total confirms it is complete)";
            var named = wording.Kind == MostCommonKind.Largest ? wording.Name : "";
            if (mine.Figs is null)
                return Make(independent ? VerdictKind.Contradicted : VerdictKind.NotCheckable, $"{top.Key} {N(top.Sum)}", Rows(parts),
                    Join(named, $"no '{c.CategoryLabel}' figure is printed for {y.Label}", partial, $"compared at the {cat.Level.ToContract()} level: {table}"));
            var tied = sums.Count(s => s.Sum == mine.Sum) > 1;
            var isTop = mine.Sum == top.Sum;
            return Make(Agree(isTop), $"{mine.Key.Replace("label: ", "", StringComparison.Ordinal)} {N(mine.Sum)} of {N(parts.Sum(p => p.Value!.Value))}", Rows(parts),
                Join(named, $"compared at the {cat.Level.ToContract()} level over {y.Label}: {table}", tied ? "tied with another category" : "", partial));
        }

        /// <summary>
        /// A category's part of its measure in one year, as a percentage, against what the words allow ("around
        /// one third" is 30% to 36.67%, "most" more than 50%). The whole is a printed total of the breakdown, or
        /// the year's offences; with neither, a breakdown that may be partial gives only an upper bound.
        /// </summary>
        public Verdict Share(ValueReading share, string wordingNote)
        {
            var name = Join(wordingNote, share.Name);
            if (ctx.Category.IsNone)
                return Make(VerdictKind.Ambiguous, "", Mode, Join(name, "a share of no category: what it is a part of cannot be known"));
            if (!ctx.Period.IsSingle)
                return Make(VerdictKind.NotCheckable, "", Mode, Join(name, $"the request asked for {ctx.Measure.ToContract()} by category for one year only, so a share over {ctx.Period.Label} cannot come from its answer"));
            var y = ctx.Period.Years[0];
            var cat = ctx.Category;
            var pool = evidence.Where(f => f.Measure == ctx.Measure && !f.Category.IsNone && f.Covers(y)).ToList();
            if (cat.Level == CategoryLevel.Unresolved && !pool.Any(f => SameCategory(cat, f.Category)))
                return Make(VerdictKind.Ambiguous, "", Mode, Join(name, $"'{c.CategoryLabel}' is not a Home Office {ctx.Measure.ToContract()} category and matches no printed figure"));
            var table = pool.Where(f => !f.IsTotal).ToList();
            var parts = table.Where(f => SameCategory(cat, f.Category)).ToList();
            var levelNote = LevelNote(cat);
            if (parts.Any(f => f.Value is null))
                return Make(VerdictKind.NotCheckable, "", Mode, Join(name, levelNote, "a part of the category is suppressed or not available"));
            var printedTotal = pool.FirstOrDefault(f => f.IsTotal && f.Value is not null);
            var complete = printedTotal is not null && table.Count > 0 && table.All(f => f.Value is not null) && printedTotal.Value == table.Sum(f => f.Value!.Value);
            if (parts.Count == 0 && !complete)
                return Make(VerdictKind.NotCheckable, "", Mode, Join(name, levelNote, Missing(pool.Count == 0
                    ? $"no {ctx.Measure.ToContract()} breakdown for {y.Label} is in the data"
                    : $"the breakdown printed for {y.Label} has no '{c.CategoryLabel}' figure and may be partial")));
            var part = parts.Sum(f => f.Value!.Value);

            // The whole: the breakdown's printed total, else (offences) the year's figure.
            (long? Value, string Basis, string Note) whole = printedTotal is not null
                ? (printedTotal.Value, printedTotal.Basis, "of the breakdown's printed total")
                : ctx.Measure == Measure.Offences ? YearValue(y) is { Value: not null } yv ? (yv.Value, yv.Basis, Join($"of {y.Label}'s offences", yv.Note)) : (null, "", "") : (null, "", "");
            if (whole.Value is { } w && w > 0)
            {
                var pct = part * 100m / w;
                return Make(Agree(share.Allows(pct)), Pct(pct), Join(Rows(parts.Count > 0 ? parts : table), whole.Basis),
                    Join(name, levelNote, string.Create(CultureInfo.InvariantCulture, $"{N(part)} of {N(w)} is {pct:0.##}%"), whole.Note));
            }
            // No whole: the printed parts are at most the whole, so the share is at most the part over what the
            // parts cover together (the fewest, where categories may overlap).
            var union = CategoryOverlap.Of(table);
            if (union.Min <= 0)
                return Make(VerdictKind.NotCheckable, "", Mode, Join(name, levelNote, Missing($"no whole for {y.Label} is printed")));
            var atMost = part * 100m / union.Min;
            var low = share.Allowed.Low;
            var below = low is { } lo && (share.Allowed.LowIncluded ? atMost < lo : atMost <= lo);
            var bound = string.Create(CultureInfo.InvariantCulture,
                $"the breakdown printed for {y.Label} may be partial (no printed total): {N(part)} of at least {N(union.Min)} is at most {atMost:0.##}%");
            return below
                ? Make(VerdictKind.Contradicted, $"at most {Pct(atMost)}", Rows(table), Join(name, levelNote, bound, union.Note))
                : Make(VerdictKind.NotCheckable, "", Mode, Join(name, levelNote, bound, union.Note, Missing("the whole is not printed")));
        }

        /// <summary>What the article's total, rise and "rising" together allow, when yearly figures are missing.</summary>
        private string Bounds()
        {
            if (independent) return "";
            var years = owner._defaultPeriods.Years;
            var totalFig = evidence.Concat(owner._figures.Where(f => f.ArticleId == c.ArticleId && f.ForceId == ctx.Force!.Id))
                .FirstOrDefault(t => t.Category.IsNone && t.Measure == Measure.Offences && t.IsTotal && t.Years.SequenceEqual(years) && t.Value is not null);
            if (totalFig is null) return "";
            if (owner.YearBounds(ctx.Force!.Id, totalFig.Value!.Value, c.ArticleId, out var whyNot) is not { } bounds) return whyNot ?? "";
            var given = new List<string> { $"total {N(bounds.Total)}" };
            if (bounds.GrowthPct is not null) given.Add($"rise {bounds.GrowthText}");
            if (bounds.Rising) given.Add("rising every year");
            return $"bounded by the article's {string.Join(", ", given)}: {bounds.Describe(years.Select(y => y.Label).ToList())}";
        }

        private static string Join(params string[] parts) => string.Join("; ", parts.Where(p => p.Length > 0));
    }
}
