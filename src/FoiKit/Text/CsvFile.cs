using CsvHelper;

namespace FoiKit.Text;

/// <summary>A small CSV read whole (reference tables, claims): header plus rows of strings.</summary>
internal sealed class CsvFile
{
    private readonly Dictionary<string, int> _index;

    private CsvFile(string path, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) _index.TryAdd(header[i].Trim(), i);
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>The named field of a row; empty when the row is short.</summary>
    public string Get(string[] row, string column)
    {
        if (!_index.TryGetValue(column, out var i))
            throw new KeyNotFoundException($"{Path}: no column '{column}'");
        return i < row.Length ? row[i] : "";
    }

    /// <summary>Reads a comma-separated UTF-8 file with a header row.</summary>
    public static CsvFile Load(string path)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, SkipEmptyLines = true };
        using var reader = CsvReader.FromFile(path, options);
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i) ?? "";
            rows.Add(fields);
        }
        return new CsvFile(path, header, rows);
    }

    /// <summary>Checks that every named column exists; returns the missing ones.</summary>
    public IReadOnlyList<string> MissingColumns(params string[] columns) =>
        columns.Where(c => !_index.ContainsKey(c)).ToList();
}
