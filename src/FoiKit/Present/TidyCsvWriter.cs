using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using FoiKit.Model;

namespace FoiKit.Present;

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

    public void Add(Observation observation) => _rows.Write(observation);

    void ITidyRowSink.Add(in TidyRow row) => _rows.Write(in row);

    public void Add(Reject reject)
    {
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

/// <summary>
/// Writes observations as tidy CSV records with CsvHelper's field writers, exactly as
/// <see cref="TidyCsv.Fields(Observation)"/> gives them from the column map, in <see cref="TidyColumns.All"/>'s
/// order (FastPathTests compare the two, byte for byte); this runs once per cell, so it is written out by hand. What repeats from
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
    private readonly Fields[] _periods = Slots(64, 6);
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

        // period_basis_source (made with the period's other texts)
        p.Write(w, 5);
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
        f.Add(period.BasisSource);
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
