using System.Globalization;
using CsvHelper;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Reference;

namespace FoiKit.Present;

/// <summary>The tidy CSV format (contract §3): column names, and one row's fields.</summary>
public static class TidyCsv
{
    /// <summary>The contract's columns, then <c>source_column</c> (an optional extension: the cell's 1-based column).</summary>
    public static readonly string[] Columns =
    [
        "request_id", "force_id", "force_name", "source_kind", "question", "measure", "period_label", "period_start", "period_end",
        "financial_year", "period_basis", "category_label", "category_level", "category_code", "category_name", "category_subgroup",
        "category_group", "value", "value_status", "raw_value", "source_file", "source_table", "source_row", "source_url", "source_column",
    ];

    /// <summary>The rejects ledger: the tidy columns as far as known, plus the reason.</summary>
    public static readonly string[] RejectColumns = [.. Columns, "reason"];

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Int(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>One observation as the contract's fields, in column order.</summary>
    public static string[] Fields(Observation o) =>
    [
        o.RequestId, o.Force.Id, o.Force.OfficialName, o.SourceKind.ToContract(), o.Question, o.Measure.ToContract(),
        o.Period.Label, Date(o.Period.Start), Date(o.Period.End), o.Period.FinancialYear?.Label ?? "", o.Period.Basis.ToContract(),
        o.Category.Label, o.Category.IsNone ? "" : o.Category.Level.ToContract(), o.Category.Code, o.Category.Name,
        o.Category.Subgroup, o.Category.Group, Int(o.Value.Value), o.Value.Status.ToContract(), o.Value.Raw,
        o.Source.SourceFile, Int(o.Source.Table), Int(o.Source.Row), o.Source.Url, o.Source.Column > 0 ? Int(o.Source.Column) : "",
    ];

    /// <summary>
    /// Writes one observation's fields, exactly as <see cref="Fields(Observation)"/> gives them, with
    /// CsvHelper's field writers: no array per row and no strings for numbers and dates (this runs once per cell).
    /// </summary>
    internal static void Write(CsvWriter w, Observation o)
    {
        w.WriteField(o.RequestId);
        w.WriteField(o.Force.Id);
        w.WriteField(o.Force.OfficialName);
        w.WriteField(o.SourceKind.ToContract());
        w.WriteField(o.Question);
        w.WriteField(o.Measure.ToContract());
        var period = o.Period;
        w.WriteField(period.Label);
        WriteDate(w, period.Start);
        WriteDate(w, period.End);
        w.WriteField(period.FinancialYear?.Label ?? "");
        w.WriteField(period.Basis.ToContract());
        var c = o.Category;
        w.WriteField(c.Label);
        w.WriteField(c.IsNone ? "" : c.Level.ToContract());
        w.WriteField(c.Code);
        w.WriteField(c.Name);
        w.WriteField(c.Subgroup);
        w.WriteField(c.Group);
        if (o.Value.Value is { } v) w.WriteField(v, default);
        else w.WriteField("");
        w.WriteField(o.Value.Status.ToContract());
        w.WriteField(o.Value.Raw);
        var source = o.Source;
        w.WriteField(source.SourceFile);
        w.WriteField(source.Table, default);
        w.WriteField(source.Row, default);
        w.WriteField(source.Url);
        if (source.Column > 0) w.WriteField(source.Column, default);
        else w.WriteField("");
        w.EndRecord();
    }

    private static void WriteDate(CsvWriter w, DateOnly? d)
    {
        if (d is { } date) w.WriteField(date, "yyyy-MM-dd");
        else w.WriteField("");
    }

    public static string[] Fields(Reject r) =>
    [
        r.RequestId, r.ForceId, r.ForceName, r.SourceKind, r.Question, r.Measure, r.PeriodLabel, "", "", "", "",
        r.CategoryLabel, "", "", "", "", "", "", "", r.RawValue, r.Source.SourceFile, Int(r.Source.Table), Int(r.Source.Row),
        r.Source.Url, r.Source.Column > 0 ? Int(r.Source.Column) : "", r.Reason,
    ];

    internal static CsvWriterOptions WriterOptions => CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };
}

/// <summary>
/// Writes tidy rows and rejects to CSV as they arrive (UTF-8, LF, no BOM). The machine CSV keeps
/// every text exactly as printed; a spreadsheet-safe copy for people is a separate file.
/// </summary>
public sealed class TidyCsvWriter : ITidySink, IDisposable
{
    private readonly CsvWriter _tidy;
    private readonly string? _rejectsPath;
    private CsvWriter? _rejects;

    /// <param name="tidyPath">Where tidy rows go.</param>
    /// <param name="rejectsPath">Where rejects go; the file is created when the first reject arrives, or at once when <paramref name="alwaysWriteRejects"/>.</param>
    /// <param name="alwaysWriteRejects">Write the rejects file (header only) even when nothing is rejected.</param>
    public TidyCsvWriter(string tidyPath, string? rejectsPath, bool alwaysWriteRejects = true)
    {
        CreateFolder(tidyPath);
        _tidy = CsvWriter.ToFile(tidyPath, TidyCsv.WriterOptions);
        _tidy.WriteRecord(TidyCsv.Columns);
        _rejectsPath = rejectsPath;
        if (alwaysWriteRejects && rejectsPath is not null) OpenRejects();
    }

    /// <summary>How many rejects were written.</summary>
    public long RejectCount { get; private set; }

    public void Add(Observation observation) => TidyCsv.Write(_tidy, observation);

    public void Add(Reject reject)
    {
        RejectCount++;
        if (_rejectsPath is null) return;
        (_rejects ?? OpenRejects()).WriteRecord(TidyCsv.Fields(reject));
    }

    public void Dispose()
    {
        _tidy.Dispose();
        _rejects?.Dispose();
    }

    private CsvWriter OpenRejects()
    {
        CreateFolder(_rejectsPath!);
        _rejects = CsvWriter.ToFile(_rejectsPath!, TidyCsv.WriterOptions);
        _rejects.WriteRecord(TidyCsv.RejectColumns);
        return _rejects;
    }

    private static void CreateFolder(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}

/// <summary>Reads a tidy CSV back into typed observations (streaming).</summary>
public static class TidyCsvReader
{
    /// <summary>Reads observations; forces are looked up in <paramref name="forces"/> when given.</summary>
    public static IEnumerable<Observation> Read(string path, ForceRegistry? forces = null)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, PoolStrings = true };
        using var reader = CsvReader.FromFile(path, options);
        var header = reader.Headers;
        var missing = TidyCsv.Columns.Take(24).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path}: not a tidy CSV (missing columns {string.Join(", ", missing)})");
        int I(string name) => reader.GetFieldIndex(name);
        int cRequest = I("request_id"), cForce = I("force_id"), cForceName = I("force_name"), cKind = I("source_kind"), cQuestion = I("question"),
            cMeasure = I("measure"), cLabel = I("period_label"), cStart = I("period_start"), cEnd = I("period_end"), cBasis = I("period_basis"),
            cCat = I("category_label"), cLevel = I("category_level"), cCode = I("category_code"), cName = I("category_name"),
            cSub = I("category_subgroup"), cGroup = I("category_group"), cValue = I("value"), cStatus = I("value_status"), cRaw = I("raw_value"),
            cFile = I("source_file"), cTable = I("source_table"), cRow = I("source_row"), cUrl = I("source_url");
        reader.TryGetFieldIndex("source_column", out var cColumn);
        var forceCache = new Dictionary<string, Force>(StringComparer.Ordinal);
        // Neighbouring rows share their period and category (and the words naming enumerations):
        // when a row's texts are those of the row before, the objects read then are used again.
        // Rows of one file then share Period and Category objects, which also keeps a file held in
        // memory (a notebook's List<Observation>) much smaller.
        var period = new Last<Period>();
        var category = new Last<Category>();
        var kinds = new Last<SourceKind>();
        var measures = new Last<Measure>();
        var statuses = new Last<ValueStatus>();
        while (reader.Read())
        {
            string S(int i) => reader.GetString(i) ?? "";
            var forceId = S(cForce);
            if (!forceCache.TryGetValue(forceId, out var force))
            {
                force = forces is not null && forces.All.FirstOrDefault(f => f.Id == forceId) is { } known
                    ? known
                    : new Force(forceId, S(cForceName), [], "", "", "", true);
                forceCache[forceId] = force;
            }
            var kindText = S(cKind);
            if (!kinds.Is(kindText))
            {
                SourceKindNames.TryParse(kindText, out var k);
                kinds.Set(k);
            }
            var measureText = S(cMeasure);
            if (!measures.Is(measureText))
            {
                MeasureNames.TryParse(measureText, out var m);
                measures.Set(m);
            }
            var statusText = S(cStatus);
            if (!statuses.Is(statusText))
            {
                ValueStatusNames.TryParse(statusText, out var st);
                statuses.Set(st);
            }

            string label = S(cLabel), start = S(cStart), end = S(cEnd), basisText = S(cBasis);
            if (!period.Is(label, start, end, basisText))
            {
                PeriodBasisNames.TryParse(basisText, out var basis);
                period.Set(new Period(label, ParseDate(start), ParseDate(end), basis));
            }
            string catLabel = S(cCat), levelText = S(cLevel), code = S(cCode), name = S(cName), sub = S(cSub), group = S(cGroup);
            if (!category.Is(catLabel, levelText, code, name, sub, group))
            {
                CategoryLevelNames.TryParse(levelText, out var level);
                category.Set(catLabel.Length == 0 ? Category.None : new Category(catLabel, level, code, name, sub, group));
            }
            yield return new Observation(
                S(cRequest), force, kinds.Value, S(cQuestion), measures.Value,
                period.Value,
                category.Value,
                new CellValue(S(cRaw), reader.IsEmpty(cValue) ? null : reader.Parse<long>(cValue), statuses.Value),
                new Provenance(S(cFile), reader.Parse<int>(cTable), reader.Parse<int>(cRow),
                    cColumn >= 0 && !reader.IsEmpty(cColumn) ? reader.Parse<int>(cColumn) : 0, S(cUrl)));
        }
    }

    /// <summary>The value read from the previous row's texts, kept while the texts repeat.</summary>
    private sealed class Last<T>
    {
        private string?[] _texts = [];
        private bool _set;

        public T Value { get; private set; } = default!;

        /// <summary>True when these are the texts the value was read from (the caller then uses <see cref="Value"/>).</summary>
        public bool Is(params ReadOnlySpan<string> texts)
        {
            if (!_set || texts.Length != _texts.Length)
            {
                _texts = texts.ToArray();
                return false;
            }
            var same = true;
            for (var i = 0; i < texts.Length; i++)
            {
                if (string.Equals(texts[i], _texts[i], StringComparison.Ordinal)) continue;
                same = false;
                _texts[i] = texts[i];
            }
            return same;
        }

        public void Set(T value)
        {
            Value = value;
            _set = true;
        }
    }

    private static DateOnly? ParseDate(string text) =>
        // The kit writes "yyyy-MM-dd": read that by hand (DateOnly.ParseExact is much of the cost of
        // reading a tidy CSV); anything else goes through ParseExact and fails as it always did.
        text.Length == 0 ? null
        : TryIsoDate(text, out var date) ? date
        : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Exactly "yyyy-MM-dd" with a real day; false for anything else.</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var y) || !TryDigits(s.Slice(5, 2), out var m) || !TryDigits(s.Slice(8, 2), out var d)) return false;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch)) return false;
            value = (value * 10) + (ch - '0');
        }
        return true;
    }
}
