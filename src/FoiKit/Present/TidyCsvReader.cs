using CsvHelper;
using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Present;

/// <summary>
/// Reads a tidy CSV back into typed observations (streaming), column by column as <see cref="TidyColumns"/>
/// says. A value outside the contract (an unknown measure, status, basis, level or source kind, a bad date or
/// number) is an <see cref="InvalidDataException"/> naming the file, row and column, never a guess.
/// </summary>
public static class TidyCsvReader
{
    /// <summary>Reads observations; forces are looked up in <paramref name="forces"/> when given.</summary>
    /// <exception cref="InvalidDataException">A column is missing, or a value is outside the contract (the message says where).</exception>
    public static IEnumerable<Observation> Read(string path, ForceRegistry? forces = null)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, PoolStrings = true };
        using var reader = CsvReader.FromFile(path, options);
        var header = reader.Headers;
        var missing = TidyColumns.All.Where(c => c.InContract && !header.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path}: not a tidy CSV (missing columns {string.Join(", ", missing)})");
        int I(TidyColumn c) => reader.GetFieldIndex(c.Name);
        int cRequest = I(TidyColumns.RequestId), cForce = I(TidyColumns.ForceId), cForceName = I(TidyColumns.ForceName),
            cKind = I(TidyColumns.SourceKind), cQuestion = I(TidyColumns.Question), cMeasure = I(TidyColumns.Measure),
            cLabel = I(TidyColumns.PeriodLabel), cStart = I(TidyColumns.PeriodStart), cEnd = I(TidyColumns.PeriodEnd),
            cYear = I(TidyColumns.FinancialYear), cBasis = I(TidyColumns.PeriodBasis),
            cCat = I(TidyColumns.CategoryLabel), cLevel = I(TidyColumns.CategoryLevel), cCode = I(TidyColumns.CategoryCode),
            cName = I(TidyColumns.CategoryName), cSub = I(TidyColumns.CategorySubgroup), cGroup = I(TidyColumns.CategoryGroup),
            cValue = I(TidyColumns.Value), cStatus = I(TidyColumns.ValueStatus), cRaw = I(TidyColumns.RawValue),
            cFile = I(TidyColumns.SourceFile), cTable = I(TidyColumns.SourceTable), cRow = I(TidyColumns.SourceRow), cUrl = I(TidyColumns.SourceUrl);
        reader.TryGetFieldIndex(TidyColumns.SourceColumn.Name, out var cColumn);
        reader.TryGetFieldIndex(TidyColumns.PeriodBasisSource.Name, out var cBasisSource);
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
            var row = reader.RowNumber + 1; // the header is row 1
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
            if (!kinds.Is(kindText)) kinds.Set(TidyColumns.SourceKind.Read(kindText, path, row));
            var measureText = S(cMeasure);
            if (!measures.Is(measureText)) measures.Set(TidyColumns.Measure.Read(measureText, path, row));
            var statusText = S(cStatus);
            if (!statuses.Is(statusText)) statuses.Set(TidyColumns.ValueStatus.Read(statusText, path, row));

            string label = S(cLabel), start = S(cStart), end = S(cEnd), year = S(cYear), basisText = S(cBasis),
                basisSource = cBasisSource >= 0 ? S(cBasisSource) : "";
            if (!period.Is(label, start, end, year, basisText, basisSource))
            {
                TidyColumns.FinancialYear.Read(year, path, row);
                period.Set(new Period(label, TidyColumns.PeriodStart.Read(start, path, row), TidyColumns.PeriodEnd.Read(end, path, row),
                    TidyColumns.PeriodBasis.Read(basisText, path, row))
                {
                    BasisSource = TidyColumns.PeriodBasisSource.Read(basisSource, path, row),
                });
            }
            string catLabel = S(cCat), levelText = S(cLevel), code = S(cCode), name = S(cName), sub = S(cSub), group = S(cGroup);
            if (!category.Is(catLabel, levelText, code, name, sub, group))
            {
                var level = TidyColumns.CategoryLevel.Read(levelText, path, row);
                if (catLabel.Length > 0 && level is null)
                    throw new InvalidDataException($"{path}, row {row}, column {TidyColumns.CategoryLevel.Name}: empty, but the category '{catLabel}' needs a level (code, subgroup, group or unresolved)");
                category.Set(catLabel.Length == 0 ? Category.None : new Category(catLabel, level!.Value, code, name, sub, group));
            }
            yield return new Observation(
                S(cRequest), force, kinds.Value, S(cQuestion), measures.Value,
                period.Value,
                category.Value,
                new CellValue(S(cRaw), reader.IsEmpty(cValue) ? null : Number(reader, cValue, TidyColumns.Value, path, row), statuses.Value),
                new Provenance(S(cFile), (int)Number(reader, cTable, TidyColumns.SourceTable, path, row), (int)Number(reader, cRow, TidyColumns.SourceRow, path, row),
                    cColumn >= 0 && !reader.IsEmpty(cColumn) ? (int)Number(reader, cColumn, TidyColumns.SourceColumn, path, row) : 0, S(cUrl)));
        }
    }

    /// <summary>
    /// A count or position read from the field's UTF-8 bytes (the common case, with no string made); anything but plain
    /// digits goes to the column's own reader, which names the file, row and column.
    /// </summary>
    private static long Number<T>(CsvReader reader, int index, TidyColumn<T> column, string path, long row)
    {
        var bytes = reader.GetSpan(index);
        long value = 0;
        var ok = bytes.Length is > 0 and <= 18;
        foreach (var b in bytes)
        {
            if (b is < (byte)'0' or > (byte)'9') { ok = false; break; }
            value = (value * 10) + (b - '0');
        }
        if (ok && (column.Type != TidyColumnType.Position || value is >= 1 and <= int.MaxValue)) return value;
        // The column's reader throws with the reason, or reads what the quick loop did not (19 digits).
        return Convert.ToInt64(column.Read(reader.GetString(index) ?? "", path, row), System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>Exactly "yyyy-MM-dd" with a real day; false for anything else.</summary>
    internal static bool TryIsoDate(ReadOnlySpan<char> s, out DateOnly date)
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
