using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read;

/// <summary>
/// Reads claims CSV files. What makes a file no claims file (missing columns, a claim with no id, an id used
/// twice, a measure or kind outside the contract) fails the file; a value cell the value grammar cannot read
/// fails only its claim (<see cref="Claim.ValueProblem"/>).
/// </summary>
internal static class ClaimsReader
{
    public static readonly string[] Columns = ["claim_id", "article_id", "force", "measure", "kind", "category_label", "period_label", "value", "text"];

    /// <summary>Reads one claims file; a file that cannot be one fails with a sentence naming it (and the row).</summary>
    public static Parsed<IReadOnlyList<Claim>> Read(string path)
    {
        CsvFile csv;
        try
        {
            if (!File.Exists(path)) return Parsed<IReadOnlyList<Claim>>.Fail($"{path}: no such file");
            if (new FileInfo(path).Length == 0) return Parsed<IReadOnlyList<Claim>>.Fail($"{path}: the file is empty");
            csv = CsvFile.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            return Parsed<IReadOnlyList<Claim>>.Fail($"{path}: cannot be read as CSV ({e.Message})");
        }
        var missing = csv.MissingColumns(Columns);
        if (missing.Count > 0)
            return Parsed<IReadOnlyList<Claim>>.Fail($"{path}: not a claims file (missing columns {string.Join(", ", missing)})");
        var claims = new List<Claim>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rowNumber = 1;
        foreach (var r in csv.Rows)
        {
            rowNumber++;
            string F(string c) => csv.Get(r, c).Trim();
            var id = F("claim_id");
            if (id.Length == 0) return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: the claim has no claim_id");
            if (!ids.Add(id)) return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: claim_id '{id}' is used twice");
            if (!ClaimNames.TryParseMeasure(F("measure"), out var measure))
                return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: measure '{F("measure")}' is not offences, outcomes or charges");
            if (!ClaimNames.TryParseKind(F("kind"), out var kind))
                return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: kind '{F("kind")}' is not {KindNames}");
            // The value as printed ("more than 500", "nine", "doubled") is read by the value grammar; a value it
            // cannot read costs that claim (judged ambiguous, with the reason), never the file.
            var valueText = F("value");
            decimal? value = null;
            string? problem = null;
            if (ScaleOf(kind) is { } scale)
            {
                var reading = ValueWording.Read(valueText, scale);
                if (reading.Ok) value = reading.Stated;
                else problem = reading.Problem;
            }
            claims.Add(new Claim(id, F("article_id"), F("force"), measure, kind, F("category_label"), F("period_label"), value, valueText, F("text"), path, rowNumber)
            {
                IsNational = IsNationalForce(F("force")),
                ValueProblem = problem,
            });
        }
        return Parsed<IReadOnlyList<Claim>>.Success(claims);
    }

    private static readonly string KindNames = string.Join(", ", Enum.GetValues<ClaimKind>().SkipLast(1).Select(k => k.ToContract()))
        + " or " + Enum.GetValues<ClaimKind>()[^1].ToContract();

    /// <summary>What a kind's value measures; null for the kinds that need no value (rising, most_common, highest).</summary>
    internal static ValueScale? ScaleOf(ClaimKind kind) => kind switch
    {
        ClaimKind.Count or ClaimKind.Total or ClaimKind.AtLeast => ValueScale.Count,
        ClaimKind.GrowthPct => ValueScale.Growth,
        ClaimKind.Share => ValueScale.Share,
        _ => null,
    };

    /// <summary>"England and Wales" (any spelling) or "national": the claim is about every force, not one.</summary>
    public static bool IsNationalForce(string printed) => LabelKey.Of(printed) is "england and wales" or "england wales" or "national";
}
