using CsvHelper;
using FoiKit.Model;

namespace FoiKit.Present;

/// <summary>Writes verdicts (contract §4) as CSV, in claim order.</summary>
public static class VerdictCsv
{
    public static readonly string[] Columns = ["claim_id", "verdict", "claimed", "computed", "basis", "note"];

    public static void Write(string path, IEnumerable<Verdict> verdicts)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var writer = CsvWriter.ToFile(path, TidyCsv.WriterOptions);
        writer.WriteRecord(Columns);
        foreach (var v in verdicts)
            writer.WriteRecord([v.ClaimId, v.Kind.ToContract(), v.Claimed, v.Computed, v.Basis, v.Note]);
    }
}
