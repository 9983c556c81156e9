using System.Security.Cryptography;
using System.Text;
using FoiKit.Model;

namespace FoiKit.Normalise;

/// <summary>
/// Finds a table printed twice in one response (same question, header and cells): its second copy
/// would count every figure twice, so its cells go to the rejects ledger with a reason and a
/// warning names both tables. Only tables whose rows are already in memory are compared.
/// </summary>
internal static class DuplicateTables
{
    public static ResponseTranscript Mark(ResponseTranscript t)
    {
        if (t.Tables.Count < 2) return t;
        // Hashing every cell costs a pass over the data: only tables that share a question, a
        // header and a row count with another table can be copies, so only those are hashed.
        var candidates = t.Tables.Where(x => x.RejectReason is null && x.Rows is IReadOnlyCollection<SourceRow>)
            .GroupBy(Shape).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        if (candidates.Count == 0) return t;
        var seen = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
        List<SourceTable>? tables = null;
        var warnings = new List<Diagnostic>();
        for (var i = 0; i < t.Tables.Count; i++)
        {
            var table = t.Tables[i];
            if (candidates.Contains(table) && Fingerprint(table) is { } key)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    tables ??= [.. t.Tables];
                    var where = first.Location.Length > 0 && first.Location != table.Location ? $" (sheet '{first.Location}')" : "";
                    tables[i] = table with { RejectReason = $"table {table.Index} repeats table {first.Index}{where} (same question, header and figures): counted once" };
                    warnings.Add(new Diagnostic(Severity.Warning, t.SourceFile,
                        $"this table repeats table {first.Index}{where} cell for cell; its figures go to the rejects ledger so they are not counted twice",
                        table.Index, 0, table.Location));
                }
                else
                {
                    seen[key] = table;
                }
            }
        }
        return tables is null ? t : t with { Tables = tables, Warnings = [.. t.Warnings, .. warnings] };
    }

    private static string Shape(SourceTable table) =>
        $"{table.Question.Trim().ToLowerInvariant()}\u001f{string.Join("\u001f", table.Columns.Select(c => c.Trim()))}\u001f{((IReadOnlyCollection<SourceRow>)table.Rows).Count}";

    private static string? Fingerprint(SourceTable table)
    {
        if (table.Rows is not IReadOnlyCollection<SourceRow> rows || rows.Count == 0) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? s)
        {
            hash.AppendData(Encoding.UTF8.GetBytes((s ?? "\u0000").Trim()));
            hash.AppendData("\u001f"u8);
        }
        Add(table.Question.ToLowerInvariant());
        foreach (var c in table.Columns) Add(c);
        var any = false;
        foreach (var r in rows)
        {
            hash.AppendData("\u001e"u8);
            foreach (var c in r.Cells)
            {
                Add(c);
                any |= !string.IsNullOrWhiteSpace(c);
            }
        }
        return any ? Convert.ToHexString(hash.GetHashAndReset()) : null;
    }
}
