using System.Runtime.CompilerServices;
using FoiKit.Model;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Normalise;

/// <summary>One data cell's fate: a tidy observation or a reject, never neither.</summary>
internal readonly record struct NormalisedCell(Observation? Observation, Reject? Reject)
{
    public bool IsReject => Reject is not null;
}

/// <summary>A transcript whose force and request were resolved: ready to stream cells.</summary>
public sealed record PreparedTranscript(ResponseTranscript Transcript, Force Force, RequestDefinition Request);

/// <summary>
/// Turns printed tables into tidy observations. Rows are streamed: per table only the running
/// sums needed to check printed totals are kept, so a table of millions of rows is fine.
/// </summary>
public sealed class Normaliser
{
    private readonly KitData _kit;
    private readonly CategoryResolver _categories;

    // A period label reads the same in every table whose bare labels take the same basis, and a header
    // row lays out the same way: both are worked out once per run, not once per table (bounded). The
    // basis is one shared object per basis and source of it, so the caches compare it by reference.
    private readonly Dictionary<(string Text, BareLabelBasis Bare), Period> _periods = [];
    private readonly Dictionary<(string Headers, BareLabelBasis Bare), TableLayout> _layouts = [];
    private readonly Dictionary<string, BareLabelBasis> _statedBases = new(StringComparer.Ordinal);

    // The period texts read last, by reference (the reader gives a text printed again as the same
    // string): most rows' periods are found here without hashing the text (direct-mapped, bounded).
    private readonly RecentPeriod[] _recentPeriods = new RecentPeriod[64];

    private struct RecentPeriod
    {
        public string? Text;
        public BareLabelBasis? Bare;
        public Period? Period;
    }

    public Normaliser(KitData kit)
    {
        _kit = kit;
        _categories = new CategoryResolver(kit.Reference);
    }

    /// <summary>Resolves the force and request a transcript names; a failure is a one-sentence reason naming the file.</summary>
    public Parsed<PreparedTranscript> Prepare(ResponseTranscript t)
    {
        var force = _kit.Reference.Forces.Resolve(t.ForcePrinted);
        if (!force.Ok) return Parsed<PreparedTranscript>.Fail($"{t.SourceFile}: unknown force: {force.Error}");
        var request = _kit.FindRequest(t.RequestId);
        if (request is null)
        {
            var known = string.Join(", ", _kit.Requests.Select(r => r.Id).Order(StringComparer.Ordinal));
            return Parsed<PreparedTranscript>.Fail($"{t.SourceFile}: unknown request id '{t.RequestId}' (known: {(known.Length > 0 ? known : "none")}; add its definition to data/requests/ or pass --requests)");
        }
        // A table that names no question is read as the one question its shape fits, or rejected with the reason.
        return Parsed<PreparedTranscript>.Success(new PreparedTranscript(QuestionByShape.Match(t, request, _categories), force.Value!, request));
    }

    /// <summary>Every data cell of every table, in source order; warnings go to <paramref name="warn"/>.</summary>
    internal IEnumerable<NormalisedCell> Normalise(PreparedTranscript p, Action<Diagnostic> warn)
    {
        var bases = new SourceBases(this, p, warn);
        foreach (var table in p.Transcript.Tables)
            foreach (var cell in NormaliseTable(p, table, bases, warn))
                yield return cell;
    }

    /// <summary>
    /// Every data cell of every table, in source order, handed to <paramref name="sink"/> as
    /// <see cref="Normalise"/> would give them (warnings go to <paramref name="warn"/>).
    /// </summary>
    /// <returns>How many observations and rejects the sink got.</returns>
    public (long Observations, long Rejects) NormaliseInto(PreparedTranscript p, ITidySink sink, Action<Diagnostic> warn) =>
        NormaliseInto(p, new SinkTarget(sink), warn);

    /// <summary>
    /// As <see cref="NormaliseInto(PreparedTranscript, ITidySink, Action{Diagnostic})"/>, for a sink that
    /// writes rows itself (the tidy CSV writer): it gets each row's parts, with no <see cref="Observation"/>
    /// built for it. The caller chooses this by passing such a sink; the normaliser never tests a sink's type.
    /// </summary>
    /// <returns>How many observations and rejects the sink got.</returns>
    public (long Observations, long Rejects) NormaliseInto(PreparedTranscript p, ITidyRowSink sink, Action<Diagnostic> warn) =>
        NormaliseInto(p, new RowTarget(sink), warn);

    private (long Observations, long Rejects) NormaliseInto(PreparedTranscript p, CellTarget target, Action<Diagnostic> warn)
    {
        var bases = new SourceBases(this, p, warn);
        foreach (var table in p.Transcript.Tables)
        {
            var run = new TableRun(this, p, table, bases, warn);
            foreach (var row in table.Rows) run.Row(row, target);
        }
        return (target.Observations, target.Rejects);
    }

    private IEnumerable<NormalisedCell> NormaliseTable(PreparedTranscript p, SourceTable table, SourceBases bases, Action<Diagnostic> warn)
    {
        // Rows are streamed: one row's cells at a time are held.
        var run = new TableRun(this, p, table, bases, warn);
        var buffer = new BufferTarget();
        foreach (var row in table.Rows)
        {
            run.Row(row, buffer);
            foreach (var cell in buffer.Cells) yield return cell;
            buffer.Cells.Clear();
        }
    }

    /// <summary>Where a table's cells go as they are read.</summary>
    private abstract class CellTarget
    {
        public long Observations;
        public long Rejects;

        public abstract void Observe(in TidyRow row);

        public abstract void Reject(Reject reject);
    }

    private sealed class BufferTarget : CellTarget
    {
        public List<NormalisedCell> Cells { get; } = [];

        public override void Observe(in TidyRow row) => Cells.Add(new NormalisedCell(row.ToObservation(), null));

        public override void Reject(Reject reject) => Cells.Add(new NormalisedCell(null, reject));
    }

    private sealed class SinkTarget(ITidySink sink) : CellTarget
    {
        public override void Observe(in TidyRow row)
        {
            sink.Add(row.ToObservation());
            Observations++;
        }

        public override void Reject(Reject reject)
        {
            sink.Add(reject);
            Rejects++;
        }
    }

    private sealed class RowTarget(ITidyRowSink sink) : CellTarget
    {
        public override void Observe(in TidyRow row)
        {
            sink.Add(in row);
            Observations++;
        }

        public override void Reject(Reject reject)
        {
            sink.Add(reject);
            Rejects++;
        }
    }

    /// <summary>
    /// The basis a source states, for its tables' labels that give no day ("2021/2022"): what the source says
    /// wins, and the request's basis applies only where it says nothing. A table reads the statements of its
    /// own caption and headers together with the source's notes; when those state nothing, the whole
    /// source (other tables' captions too) is read. Statements that disagree give one warning naming both.
    /// </summary>
    private sealed class SourceBases(Normaliser n, PreparedTranscript p, Action<Diagnostic> warn)
    {
        private readonly IReadOnlyList<LabelledText> _sourceTexts = StatedBasisReader.SourceTextsOf(p.Transcript);
        private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
        private StatedBasis? _whole;

        public BareLabelBasis For(SourceTable table, PeriodBasis? requested)
        {
            var own = StatedBasisReader.Read(_sourceTexts.Concat(StatedBasisReader.TableTextsOf(table)));
            Warn(own, table.Index);
            if (own.IsStated || own.Conflict is not null) return Choose(own, requested);
            _whole ??= StatedBasisReader.Read(StatedBasisReader.TextsOf(p.Transcript));
            Warn(_whole, 0);
            return Choose(_whole, requested);
        }

        private BareLabelBasis Choose(StatedBasis stated, PeriodBasis? requested)
        {
            // A bare April-year label can only take an April basis: a stated calendar year leaves it to the request.
            if (stated.Basis is not (PeriodBasis.FinancialYear or PeriodBasis.TaxYear) || stated.Basis is not { } basis)
                return BareLabelBasis.Request(requested);
            var named = stated.Statements.Where(s => StatedBasis.Agrees(s, basis)).OrderByDescending(s => s.Strength).Take(3).ToList();
            var key = $"{basis}|{string.Join("|", named)}";
            if (!n._statedBases.TryGetValue(key, out var bare))
            {
                bare = BareLabelBasis.Stated(basis, named);
                if (n._statedBases.Count < 1_000) n._statedBases[key] = bare;
            }
            return bare;
        }

        private void Warn(StatedBasis stated, int table)
        {
            if (stated.Conflict is { } conflict && _warned.Add(conflict.Message))
                warn(new Diagnostic(Severity.Warning, p.Transcript.SourceFile, $"{conflict.Message}; the rows say which basis they used (period_basis_source)", table));
        }
    }

    /// <summary>One table being normalised: what is fixed for it, and the running totals checks.</summary>
    private sealed class TableRun
    {
        private readonly PreparedTranscript _p;
        private readonly SourceTable _table;
        private readonly QuestionDefinition? _question;
        private readonly TableLayout _layout;
        private readonly RowContext _context;
        private readonly TotalsCheck _totals;
        private readonly int _width;

        public TableRun(Normaliser n, PreparedTranscript p, SourceTable table, SourceBases bases, Action<Diagnostic> warn)
        {
            var t = p.Transcript;
            _p = p;
            _table = table;
            _question = p.Request.Questions.GetValueOrDefault(table.Question.Trim());
            var bare = bases.For(table, _question?.RequestedBasis ?? p.Request.RequestedBasis);
            _layout = n.Layout(table.Columns, bare);
            _context = new RowContext(p, table, _question, _layout, n._categories, bare, n._periods, n._recentPeriods);
            _totals = new TotalsCheck(table, t.SourceFile, warn);
            _width = table.Columns.Count;

            if (_question is null)
            {
                var why = table.Question.Trim().Length == 0
                    ? $"table {table.Index} does not say which question it answers"
                    : $"question '{table.Question}' is not in request '{p.Request.Id}'";
                warn(new Diagnostic(Severity.Warning, t.SourceFile, $"{why}: its figures go to the rejects ledger", table.Index, 0, table.Location));
            }
        }

        public void Row(SourceRow row, CellTarget target)
        {
            var table = _table;
            var layout = _layout;
            var context = _context;
            var question = _question;
            var width = _width;
            var cells = row.Cells;
            // The reader keeps a row that is not a list of cells as one null cell: it must reach
            // the rejects ledger, so it is not taken for a blank row.
            var notAList = cells.Count == 1 && cells[0] is null && width > 1;
            if (!notAList && AllBlank(cells)) return; // a blank spacer row holds no figures

            // Trailing blank cells beyond the header are layout, not data.
            var effective = cells.Count;
            while (effective > width && string.IsNullOrWhiteSpace(cells[effective - 1])) effective--;
            string? shapeProblem = notAList
                ? "the row is not a list of cells"
                : effective != width ? $"the row has {effective} cells but the table has {width} columns" : null;

            var rowInfo = context.ReadRow(cells);
            var dataColumns = layout.DataColumns;
            for (var c = 0; c < dataColumns.Count; c++)
            {
                var col = dataColumns[c];
                var raw = col.Index < cells.Count ? cells[col.Index] : null;
                if (col.Role == ColumnRole.Unlabelled && string.IsNullOrWhiteSpace(raw)) continue; // spacer
                if (shapeProblem is not null)
                {
                    target.Reject(context.RejectCell(in rowInfo, row, col, raw ?? "", shapeProblem));
                    continue;
                }
                if (table.RejectReason is not null)
                {
                    target.Reject(context.RejectCell(in rowInfo, row, col, raw ?? "", table.RejectReason));
                    continue;
                }
                if (col.Role == ColumnRole.Unlabelled)
                {
                    target.Reject(context.RejectCell(in rowInfo, row, col, raw ?? "", "a figure in a column with no header: what it counts is not printed"));
                    continue;
                }
                if (question is null)
                {
                    target.Reject(context.RejectCell(in rowInfo, row, col, raw ?? "",
                        table.Question.Trim().Length == 0 ? "the table does not say which question it answers" : $"question '{table.Question}' is not in request '{_p.Request.Id}'"));
                    continue;
                }
                if (rowInfo.Problem is not null)
                {
                    target.Reject(context.RejectCell(in rowInfo, row, col, raw ?? "", rowInfo.Problem));
                    continue;
                }
                var parsed = CellValueParser.Parse(raw);
                if (!parsed.Ok && _p.Transcript.Kind == SourceKind.PublishedArticle && InWords(raw) is { } words) parsed = words;
                if (!parsed.Ok)
                {
                    target.Reject(context.RejectCell(in rowInfo, row, col, raw ?? "", parsed.Error!));
                    continue;
                }
                var value = parsed.Value;
                var isTotal = rowInfo.IsTotal || col.IsTotal;
                if (isTotal) value = value.AsPrintedTotal();
                _totals.Add(row.Number, col, rowInfo.IsTotal, col.IsTotal, value);
                target.Observe(context.Row(in rowInfo, row, col, value));
            }
            // Cells beyond the header width that hold something are data nobody labelled.
            for (var i = width; i < effective && shapeProblem is not null; i++)
            {
                if (string.IsNullOrWhiteSpace(cells[i])) continue;
                var extra = new TableColumn(i, "", ColumnRole.Unlabelled, null, false);
                target.Reject(context.RejectCell(in rowInfo, row, extra, cells[i] ?? "", shapeProblem));
            }
            _totals.EndRow(row.Number);
        }
    }

    /// <summary>
    /// A count an article printed in words ("three", "no charges"), read as the article printed it: the raw
    /// value keeps the words. Only one exact count is a figure; "more than 500" or "dozens" bound one and
    /// go to the rejects ledger. A force's table of figures is digits, so words there are left to the ledger.
    /// </summary>
    private static Parsed<CellValue>? InWords(string? raw)
    {
        if (raw is null || !raw.Any(char.IsLetter)) return null;
        var r = ValueWording.Read(raw, ValueScale.Count);
        return r is { Ok: true, Bound: ValueBound.Exact } && r.Tolerance == WordingTolerances.Exact && r.Allowed.Low == r.Allowed.High && r.Stated == decimal.Truncate(r.Stated)
            ? Parsed<CellValue>.Success(new CellValue(raw, (long)r.Stated, ValueStatus.Reported))
            : null;
    }

    private TableLayout Layout(IReadOnlyList<string> headers, BareLabelBasis bare)
    {
        var key = (string.Join('\u001f', headers), bare);
        if (!_layouts.TryGetValue(key, out var layout))
        {
            layout = TableLayout.FromHeader(headers, bare);
            if (_layouts.Count < 1_000) _layouts[key] = layout;
        }
        return layout;
    }

    private static bool AllBlank(IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
            if (!string.IsNullOrWhiteSpace(cells[i])) return false;
        return true;
    }

    /// <summary>What a row's label and dimension cells say (a struct: one is made for every printed row).</summary>
    private readonly record struct RowInfo(string Label, string PeriodText, Period? Period, Category Category, bool IsTotal, string? Problem);

    /// <summary>Everything fixed for one table, to read rows and build observations and rejects.</summary>
    private sealed class RowContext
    {
        private readonly PreparedTranscript _p;
        private readonly SourceTable _table;
        private readonly QuestionDefinition? _question;
        private readonly TableLayout _layout;
        private readonly CategoryResolver _categories;
        private readonly BareLabelBasis _bare;
        private readonly Period? _questionPeriod;
        private readonly Dictionary<(string, BareLabelBasis), Period> _periods;
        private readonly bool _byPeriod;
        private readonly string _questionText;

        private readonly RecentPeriod[] _recent;

        public RowContext(PreparedTranscript p, SourceTable table, QuestionDefinition? question, TableLayout layout, CategoryResolver categories,
            BareLabelBasis bare, Dictionary<(string, BareLabelBasis), Period> periods, RecentPeriod[] recent)
        {
            _p = p;
            _periods = periods;
            _recent = recent;
            _questionText = table.Question.Trim();
            _table = table;
            _question = question;
            _layout = layout;
            _categories = categories;
            _bare = bare;
            _byPeriod = question is not null && (question.By.Equals("period", StringComparison.OrdinalIgnoreCase) || question.Periods.Count > 0 && question.Period is null);
            if (question?.Period is { } fy)
            {
                // The question's year on the basis the source states, else the request's.
                var basis = bare.Basis is PeriodBasis.TaxYear ? PeriodBasis.TaxYear : PeriodBasis.FinancialYear;
                var why = bare.Source == PeriodBasisSources.Request ? "" : $"; {bare.Note}";
                _questionPeriod = Period.OfFinancialYear(fy.Label, fy, basis, $"no period printed in the table: the question's period from the request{why}")
                    with { BasisSource = bare.Source };
            }
        }

        private Period ParsePeriod(string text)
        {
            ref var recent = ref _recent[RuntimeHelpers.GetHashCode(text) & (64 - 1)];
            if (ReferenceEquals(recent.Text, text) && ReferenceEquals(recent.Bare, _bare)) return recent.Period!;
            if (!_periods.TryGetValue((text, _bare), out var period))
            {
                period = PeriodParser.Parse(text, _bare);
                if (_periods.Count < 10_000) _periods[(text, _bare)] = period;
            }
            recent = new RecentPeriod { Text = text, Bare = _bare, Period = period };
            return period;
        }

        public RowInfo ReadRow(IReadOnlyList<string?> cells)
        {
            string Cell(TableColumn? c) => c is not null && c.Index < cells.Count ? (cells[c.Index] ?? "").Trim() : "";

            var label = Cell(_layout.LabelColumn);
            var periodColumn = _layout.PeriodColumn;
            var categoryColumn = _layout.CategoryColumn;
            var periodText = Cell(periodColumn);
            var categoryText = Cell(categoryColumn);
            var labelIsDimension = _layout.LabelColumn is { } lc && (ReferenceEquals(lc, periodColumn) || ReferenceEquals(lc, categoryColumn));
            if (!labelIsDimension && label.Length > 0)
            {
                // An untitled label column: periods in a by-period question (unless the periods are
                // the column headers, when it names the series), categories otherwise.
                if (_byPeriod) { if (!_layout.IsWide && periodText.Length == 0) periodText = label; }
                else if (categoryText.Length == 0) categoryText = label;
            }

            var period = periodText.Length > 0 ? ParsePeriod(periodText) : null;
            // The label is often the category or period cell itself: ask about each text once.
            var isTotal = TableLayout.IsTotalLabel(label)
                || (!ReferenceEquals(categoryText, label) && TableLayout.IsTotalLabel(categoryText))
                || (!ReferenceEquals(periodText, label) && !ReferenceEquals(periodText, categoryText) && TableLayout.IsTotalLabel(periodText))
                || (_byPeriod && period is { Basis: PeriodBasis.MultiYear });
            if (_byPeriod && !_layout.IsWide)
            {
                if (isTotal && period is not { Basis: PeriodBasis.MultiYear }) period = TotalPeriod(periodText.Length > 0 ? periodText : label);
                else if (!isTotal && period is not null) Track(period);
                if (isTotal) ResetSpan();
            }
            else if (isTotal && periodText.Length > 0 && TableLayout.IsTotalLabel(periodText))
            {
                period = null; // a "Total" in a period column of a by-category table: the question's period applies
            }

            // A total row's label is kept as printed but is not a Home Office category.
            var category = categoryText.Length == 0 ? Category.None
                : _question is null || (isTotal && TableLayout.IsTotalLabel(categoryText)) ? Category.Unresolved(categoryText)
                : _categories.Resolve(categoryText, _question.Measure);
            string? problem = null;
            if (!isTotal && _question is not null)
            {
                if (!_byPeriod && categoryText.Length == 0)
                    problem = "the row has no category label, so what the figure counts is unknown";
                else if (_byPeriod && periodText.Length == 0 && !_layout.IsWide)
                    problem = "the row has no period label, so when the figure applies is unknown";
            }
            return new RowInfo(label, periodText, period, category, isTotal, problem);
        }

        // The span of the periods printed above a total row, so the total's dates are those of its parts.
        private DateOnly? _spanStart;
        private DateOnly? _spanEnd;
        private bool _spanComplete = true;
        private string? _spanSource;

        private void Track(Period p)
        {
            if (p.Start is not { } s || p.End is not { } e) { _spanComplete = false; return; }
            _spanStart = _spanStart is { } a && a < s ? a : s;
            _spanEnd = _spanEnd is { } b && b > e ? b : e;
            // The total's dates are its parts': so is what decided their basis, when the parts agree.
            _spanSource = _spanSource is null || _spanSource == p.BasisSource ? p.BasisSource : "";
        }

        private void ResetSpan()
        {
            _spanStart = _spanEnd = null;
            _spanComplete = true;
            _spanSource = null;
        }

        private Period TotalPeriod(string label) => _spanComplete && _spanStart is { } s && _spanEnd is { } e
            ? new Period(label, s, e, PeriodBasis.MultiYear, "a printed total: its dates are those of the periods printed above it") { BasisSource = _spanSource ?? "" }
            : Period.Undated(label, PeriodBasis.MultiYear, "a printed total of the periods above it");

        private Period PeriodOf(in RowInfo r, TableColumn col) =>
            col.Period ?? r.Period ?? _questionPeriod ?? Period.Undated("", PeriodBasis.Other, "no period printed");

        private Provenance Source(SourceRow row, TableColumn col) =>
            new(_p.Transcript.SourceFile, _table.Index, row.Number, _table.SourceColumn(col.Index), _p.Transcript.SourceUrl, _table.Location);

        /// <summary>An observation's parts (<see cref="TidyRow.ToObservation"/> makes the observation).</summary>
        public TidyRow Row(in RowInfo r, SourceRow row, TableColumn col, CellValue value) => new(
            _p.Request.Id, _p.Force, _p.Transcript.Kind, _questionText, _question!.Measure,
            PeriodOf(in r, col), r.Category, value,
            _p.Transcript.SourceFile, _table.Index, row.Number, _table.SourceColumn(col.Index), _p.Transcript.SourceUrl, _table.Location);

        public Reject RejectCell(in RowInfo r, SourceRow row, TableColumn col, string raw, string reason) => new(
            _p.Request.Id, _p.Force.Id, _p.Force.OfficialName, _p.Transcript.Kind.ToContract(), _table.Question.Trim(),
            _question?.Measure.ToContract() ?? "",
            col.Period?.Label ?? (r.PeriodText.Length > 0 ? r.PeriodText : _questionPeriod?.Label ?? ""),
            r.Category.Label, raw, Source(row, col), reason);
    }
}
