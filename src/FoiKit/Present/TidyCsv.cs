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

    public void Add(Observation observation) => _tidy.WriteRecord(TidyCsv.Fields(observation));

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
            SourceKindNames.TryParse(S(cKind), out var kind);
            MeasureNames.TryParse(S(cMeasure), out var measure);
            PeriodBasisNames.TryParse(S(cBasis), out var basis);
            ValueStatusNames.TryParse(S(cStatus), out var status);
            var catLabel = S(cCat);
            CategoryLevelNames.TryParse(S(cLevel), out var level);
            var category = catLabel.Length == 0 ? Category.None : new Category(catLabel, level, S(cCode), S(cName), S(cSub), S(cGroup));
            yield return new Observation(
                S(cRequest), force, kind, S(cQuestion), measure,
                new Period(S(cLabel), ParseDate(reader, cStart), ParseDate(reader, cEnd), basis),
                category,
                new CellValue(S(cRaw), reader.IsEmpty(cValue) ? null : reader.Parse<long>(cValue), status),
                new Provenance(S(cFile), reader.Parse<int>(cTable), reader.Parse<int>(cRow),
                    cColumn >= 0 && !reader.IsEmpty(cColumn) ? reader.Parse<int>(cColumn) : 0, S(cUrl)));
        }
    }

    private static DateOnly? ParseDate(CsvReader reader, int i) =>
        // CsvHelper 34's ParseExact handles only DateTime/DateTimeOffset: DateOnly goes through a parser.
        reader.IsEmpty(i) ? null : reader.Parse(i, static (text, _) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
