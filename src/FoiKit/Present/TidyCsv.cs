using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using FoiKit.Model;
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
/// Writes observations as tidy CSV records with CsvHelper's field writers, exactly as
/// <see cref="TidyCsv.Fields(Observation)"/> gives them (this runs once per cell). What repeats from
/// row to row is made into field texts once: the force, request, question, source file and URL (the
/// same objects for a whole table), each period's label, dates, year and basis, each category's six
/// texts (periods and categories are shared objects, remembered here by reference in a small fixed
/// table), and the contract spellings of the enumerations. CsvHelper gets a short text as the string
/// and a long one as its UTF-8 (whichever it writes faster; it quotes both alike). Numbers are
/// formatted into CsvHelper's buffer.
/// </summary>
internal sealed class TidyRowWriter(CsvWriter w)
{
    // Direct-mapped by reference: a bounded memory of the periods and categories last written.
    private readonly Fields[] _periods = Slots(64, 5);
    private readonly Fields[] _categories = Slots(256, 6);
    private readonly Fields _text = new(6);
    private readonly object?[] _texts = new object?[5];

    private static readonly string[] Kinds = Spellings<SourceKind>(SourceKindNames.ToContract);
    private static readonly string[] Measures = Spellings<Measure>(MeasureNames.ToContract);
    private static readonly string[] Statuses = Spellings<ValueStatus>(ValueStatusNames.ToContract);

    public void Write(Observation o) => Write(TidyRow.Of(o));

    public void Write(in TidyRow o)
    {
        // request_id, force_id, force_name, source_kind, question, measure
        var force = o.Force;
        if (!ReferenceEquals(_texts[0], o.RequestId) || !ReferenceEquals(_texts[1], force) || !ReferenceEquals(_texts[2], o.Question))
        {
            _text.Clear();
            _text.Add(o.RequestId);
            _text.Add(force.Id);
            _text.Add(force.OfficialName);
            _text.Add(o.Question);
            _texts[0] = o.RequestId;
            _texts[1] = force;
            _texts[2] = o.Question;
            _texts[3] = _texts[4] = null; // the source file and URL follow in the same buffer
        }
        _text.Write(w, 0);
        _text.Write(w, 1);
        _text.Write(w, 2);
        Enum(Kinds, (int)o.SourceKind, o.SourceKind);
        _text.Write(w, 3);
        Enum(Measures, (int)o.Measure, o.Measure);

        // period_label, period_start, period_end, financial_year, period_basis
        var period = o.Period;
        var p = _periods[RuntimeHelpers.GetHashCode(period) & (_periods.Length - 1)];
        if (!ReferenceEquals(p.Key, period)) FillPeriod(p, period);
        for (var i = 0; i < 5; i++) p.Write(w, i);

        // category_label, category_level, category_code, category_name, category_subgroup, category_group
        var category = o.Category;
        var c = _categories[RuntimeHelpers.GetHashCode(category) & (_categories.Length - 1)];
        if (!ReferenceEquals(c.Key, category)) FillCategory(c, category);
        for (var i = 0; i < 6; i++) c.Write(w, i);

        // value, value_status, raw_value
        if (o.Value.Value is { } v) w.WriteField(v, default);
        else w.WriteField("");
        Enum(Statuses, (int)o.Value.Status, o.Value.Status);
        w.WriteField(o.Value.Raw);

        // source_file, source_table, source_row, source_url, source_column
        if (!ReferenceEquals(_texts[3], o.SourceFile) || !ReferenceEquals(_texts[4], o.Url))
        {
            _text.Truncate(4);
            _text.Add(o.SourceFile);
            _text.Add(o.Url);
            _texts[3] = o.SourceFile;
            _texts[4] = o.Url;
        }
        _text.Write(w, 4);
        w.WriteField(o.Table, default);
        w.WriteField(o.Row, default);
        _text.Write(w, 5);
        if (o.Column > 0) w.WriteField(o.Column, default);
        else w.WriteField("");
        w.EndRecord();
    }

    private void Enum<T>(string[] spellings, int index, T value)
        where T : struct, System.Enum
    {
        if ((uint)index < (uint)spellings.Length) w.WriteField(spellings[index]);
        else w.WriteField(ContractNames<T>.Of(value)); // not a declared value: fails as the contract spelling always did
    }

    private static void FillPeriod(Fields f, Period period)
    {
        f.Clear();
        f.Add(period.Label);
        f.Add(period.Start);
        f.Add(period.End);
        f.Add(period.FinancialYear?.Label ?? "");
        f.Add(period.Basis.ToContract());
        f.Key = period;
    }

    private static void FillCategory(Fields f, Category c)
    {
        f.Clear();
        f.Add(c.Label);
        f.Add(c.IsNone ? "" : c.Level.ToContract());
        f.Add(c.Code);
        f.Add(c.Name);
        f.Add(c.Subgroup);
        f.Add(c.Group);
        f.Key = c;
    }

    private static Fields[] Slots(int count, int fields)
    {
        var slots = new Fields[count];
        for (var i = 0; i < count; i++) slots[i] = new Fields(fields);
        return slots;
    }

    private static string[] Spellings<T>(Func<T, string> spell)
        where T : struct, System.Enum
    {
        var values = System.Enum.GetValues<T>();
        var max = values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture));
        var spellings = new string[max + 1];
        foreach (var v in values) spellings[Convert.ToInt32(v, CultureInfo.InvariantCulture)] = spell(v);
        for (var i = 0; i < spellings.Length; i++)
            if (spellings[i] is null) return []; // not contiguous: every value goes the slow way
        return spellings;
    }

    /// <summary>
    /// Some fields' texts, and what they were made from. CsvHelper writes a short ASCII text fastest from
    /// the string itself (it narrows and checks it for quotes in one step); a longer one, from its UTF-8
    /// (kept, one field after another, in one reused buffer).
    /// </summary>
    private sealed class Fields(int count)
    {
        private const int Short = 32;
        private readonly string?[] _texts = new string?[count];
        private readonly int[] _ends = new int[count];
        private byte[] _bytes = new byte[256];
        private int _count;

        public object? Key { get; set; }

        public void Write(CsvWriter w, int i)
        {
            if (_texts[i] is { } text)
            {
                w.WriteField(text);
                return;
            }
            var start = i == 0 ? 0 : _ends[i - 1];
            w.WriteField(new ReadOnlySpan<byte>(_bytes, start, _ends[i] - start));
        }

        public void Clear()
        {
            Key = null;
            _count = 0;
        }

        public void Truncate(int count) => _count = count;

        public void Add(string? text)
        {
            // CsvHelper writes a null string as its NullValue, an empty field with the kit's options.
            text ??= "";
            var start = _count == 0 ? 0 : _ends[_count - 1];
            if (text.Length <= Short)
            {
                _texts[_count] = text;
                _ends[_count++] = start;
                return;
            }
            _texts[_count] = null;
            Ensure(start + Encoding.UTF8.GetMaxByteCount(text.Length));
            _ends[_count++] = start + Encoding.UTF8.GetBytes(text, _bytes.AsSpan(start));
        }

        /// <summary>A date as CsvHelper's <c>WriteField(date, "yyyy-MM-dd")</c> formats it with the kit's options.</summary>
        public void Add(DateOnly? date) => Add(date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");

        private void Ensure(int size)
        {
            if (size > _bytes.Length) Array.Resize(ref _bytes, Math.Max(size, _bytes.Length * 2));
        }
    }
}

/// <summary>
/// Writes tidy rows and rejects to CSV as they arrive (UTF-8, LF, no BOM). The machine CSV keeps
/// every text exactly as printed; a spreadsheet-safe copy for people is a separate file.
/// </summary>
public sealed class TidyCsvWriter : ITidyRowSink, IDisposable
{
    private readonly CsvWriter _tidy;
    private readonly TidyRowWriter _rows;
    private readonly string? _rejectsPath;
    private CsvWriter? _rejects;

    /// <param name="tidyPath">Where tidy rows go.</param>
    /// <param name="rejectsPath">Where rejects go; the file is created when the first reject arrives, or at once when <paramref name="alwaysWriteRejects"/>.</param>
    /// <param name="alwaysWriteRejects">Write the rejects file (header only) even when nothing is rejected.</param>
    public TidyCsvWriter(string tidyPath, string? rejectsPath, bool alwaysWriteRejects = true)
    {
        CreateFolder(tidyPath);
        // A 1 MB buffer rather than CsvHelper's 64 kB: a sixteenth of the write calls (measured: ~3% of
        // the CPU of normalising 1 M cells to a file, and less wall time).
        _tidy = CsvWriter.ToFile(tidyPath, TidyCsv.WriterOptions with { BufferSize = 1 << 20 });
        _tidy.WriteRecord(TidyCsv.Columns);
        _rows = new TidyRowWriter(_tidy);
        _rejectsPath = rejectsPath;
        if (alwaysWriteRejects && rejectsPath is not null) OpenRejects();
    }

    /// <summary>How many rejects were written.</summary>
    public long RejectCount { get; private set; }

    public void Add(Observation observation) => _rows.Write(observation);

    void ITidyRowSink.Add(in TidyRow row) => _rows.Write(in row);

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
