using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read.Spreadsheets;

/// <summary>
/// A journalist's long "master sheet" covering many forces: one figure per row, with columns
/// <c>force | question | period | category | value</c> and optionally <c>request, kind, source_url,
/// request_ref, response_date, caption, notes</c>. It becomes one response per force (and request,
/// kind and source URL), with one table per question; provenance keeps the sheet's row and column.
/// </summary>
internal static class MasterSheet
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["force"] = "force", ["police force"] = "force",
        ["question"] = "question",
        ["period"] = "period",
        ["category"] = "category",
        ["value"] = "value", ["count"] = "value",
        ["request"] = "request", ["request id"] = "request",
        ["kind"] = "kind", ["source kind"] = "kind",
        ["source url"] = "source_url", ["url"] = "source_url",
        ["request ref"] = "request_ref", ["response date"] = "response_date",
        ["caption"] = "caption", ["notes"] = "notes", ["method notes"] = "method_notes",
    };

    /// <summary>True when the row is a master-sheet header: force, question and value, and period or category.</summary>
    public static bool IsHeader(GridRow row, out Dictionary<string, int> columns)
    {
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < row.Cells.Length; i++)
        {
            var key = LabelKey.Of(row.Cell(i)).Replace('_', ' ');
            if (Aliases.TryGetValue(key, out var name)) columns.TryAdd(name, i);
        }
        return columns.ContainsKey("force") && columns.ContainsKey("question") && columns.ContainsKey("value")
            && (columns.ContainsKey("period") || columns.ContainsKey("category"));
    }

    /// <summary>The index (in <paramref name="grid"/>.Rows) of a master-sheet header: the first row from <paramref name="start"/> with two or more cells.</summary>
    public static int FindHeader(Grid grid, int start, out Dictionary<string, int> columns)
    {
        columns = [];
        for (var i = start; i < grid.Rows.Count && i < start + 20; i++)
        {
            if (grid.Rows[i].Filled < 2) continue;
            return IsHeader(grid.Rows[i], out columns) ? i : -1;
        }
        return -1;
    }

    private sealed class Group(string request, string kind, string force, string url, int firstRow)
    {
        public string Request { get; } = request;
        public string Kind { get; } = kind;
        public string Force { get; } = force;
        public string Url { get; } = url;
        public int FirstRow { get; } = firstRow;
        public List<(string Question, List<SourceRow> Rows, string Caption)> Tables { get; } = [];
        public List<int> RowNumbers { get; } = [];
        public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Reads the rows under the header into responses; table numbers continue from <paramref name="tableIndex"/>.</summary>
    public static List<(int FirstTable, Parsed<ResponseTranscript> Response)> Read(string path, Grid grid, int headerIndex,
        Dictionary<string, int> columns, ResponseMetadata meta, ref int tableIndex, Action<int, string> warn)
    {
        var header = grid.Rows[headerIndex];
        var known = columns.Values.ToHashSet();
        var unread = Enumerable.Range(0, header.Cells.Length).Where(i => !known.Contains(i) && !header.IsBlank(i))
            .Select(i => $"{CellRef.Column(i + 1)} '{CellValueParser.Show(header.Cell(i))}'").ToList();
        if (unread.Count > 0) warn(header.Number, $"master-sheet column(s) {string.Join(", ", unread)} are not part of the format and were not read");
        if (headerIndex > 0)
        {
            var above = grid.Rows.Take(headerIndex).Where(r => ResponseMetadata.KeyOf(r.Cell(0)) is null || r.LastFilled > 1).ToList();
            if (above.Count > 0) warn(above[0].Number, $"row(s) {CellRef.Rows(above.Select(r => r.Number))} above the master-sheet header were not read");
        }

        string Get(GridRow r, string key) => columns.TryGetValue(key, out var i) ? r.Cell(i).Trim() : "";
        int Col(string key) => columns.TryGetValue(key, out var i) ? i + 1 : 0;
        var columnNumbers = new[] { Col("period"), Col("category"), Col("value") };

        var groups = new List<Group>();
        var byKey = new Dictionary<(string, string, string, string), Group>();
        var tableNumbers = new Dictionary<(Group, string), int>();
        var skipped = new List<GridRow>();
        var beyond = new List<int>();
        foreach (var row in grid.Rows.Skip(headerIndex + 1))
        {
            if (row.LastFilled > header.LastFilled) beyond.Add(row.Number);
            var rawValue = columns.TryGetValue("value", out var vi) ? row.Cells.ElementAtOrDefault(vi) : null;
            var force = Get(row, "force");
            var question = Get(row, "question");
            if (force.Length == 0 && question.Length == 0 && string.IsNullOrWhiteSpace(rawValue) && row.Filled <= 1)
            {
                skipped.Add(row); // a note under the data
                continue;
            }
            var request = Get(row, "request") is { Length: > 0 } rq ? rq : meta["request"];
            var kind = Get(row, "kind") is { Length: > 0 } k ? k : meta["kind"];
            var url = Get(row, "source_url") is { Length: > 0 } u ? u : meta["source_url"];
            var key = (request, kind.ToLowerInvariant(), LabelKey.Of(force), url);
            if (!byKey.TryGetValue(key, out var g))
            {
                g = new Group(request, kind, force, url, row.Number);
                byKey[key] = g;
                groups.Add(g);
            }
            g.RowNumbers.Add(row.Number);
            foreach (var extra in new[] { "request_ref", "response_date", "method_notes", "notes" })
                if (Get(row, extra) is { Length: > 0 } v) g.Extra.TryAdd(extra, v);
            var qKey = question.ToLowerInvariant();
            if (!tableNumbers.TryGetValue((g, qKey), out var t))
            {
                t = g.Tables.Count;
                g.Tables.Add((question, [], Get(row, "caption")));
                tableNumbers[(g, qKey)] = t;
            }
            g.Tables[t].Rows.Add(new SourceRow(row.Number, [Get(row, "period"), Get(row, "category"), rawValue ?? ""]));
        }
        if (beyond.Count > 0)
            warn(beyond[0], $"row(s) {CellRef.Rows(beyond)} have cells right of the last header column; those cells were not read");
        if (skipped.Count > 0)
            warn(skipped[0].Number, $"row(s) {CellRef.Rows(skipped.Select(r => r.Number))} name no force, question or value, so they were read as notes: '{CellValueParser.Show(string.Join(" ", skipped.Select(r => r.Cell(r.FirstFilled))))}'");

        var results = new List<(int, Parsed<ResponseTranscript>)>();
        var problems = new Dictionary<string, (int First, List<int> Rows)>(StringComparer.Ordinal);
        var where = grid.Name.Length > 0 ? $"sheet '{grid.Name}', " : "";
        foreach (var g in groups)
        {
            var first = tableIndex + 1;
            var tables = new List<SourceTable>();
            foreach (var (question, rows, caption) in g.Tables)
            {
                tableIndex++;
                tables.Add(new SourceTable(tableIndex, question, caption, ["period", "category", "value"], rows, grid.Name) { ColumnNumbers = columnNumbers });
            }
            string? problem = null;
            if (g.Force.Length == 0) problem = "name no force";
            else if (g.Request.Length == 0) problem = "name no request: add a 'request' column or a 'request,…' line above the header";
            else if (g.Kind.Length == 0) problem = "do not say their kind: add a 'kind' column or a 'kind,force_response' line above the header";
            else if (!SourceKindNames.TryParse(g.Kind, out _)) problem = $"have kind '{g.Kind}', not force_response or published_article";
            if (problem is not null)
            {
                // One sentence per problem, naming every row that has it.
                if (!problems.TryGetValue(problem, out var p)) problems[problem] = p = (first, []);
                p.Rows.AddRange(g.RowNumbers);
                continue;
            }
            SourceKindNames.TryParse(g.Kind, out var sourceKind);
            var truncated = meta["truncated"].ToLowerInvariant() is "true" or "yes" or "1";
            string Extra(string k) => g.Extra.TryGetValue(k, out var v) ? v : meta[k];
            results.Add((first, Parsed<ResponseTranscript>.Success(new ResponseTranscript(
                path, g.Request, sourceKind, g.Force, g.Url, Extra("request_ref"), Extra("response_date"), Extra("method_notes"),
                truncated, Extra("notes"), tables))));
        }
        foreach (var (problem, (first, rows)) in problems)
            results.Add((first, Parsed<ResponseTranscript>.Fail($"{path}: {where}row(s) {CellRef.Rows(rows)} {problem}")));
        return results;
    }
}
