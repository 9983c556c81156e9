using System.Globalization;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read;

/// <summary>Reads claims CSV files.</summary>
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
                return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: kind '{F("kind")}' is not count, total, growth_pct, rising, most_common or at_least");
            var valueText = F("value").Replace(",", "", StringComparison.Ordinal).TrimEnd('%');
            decimal? value = null;
            if (valueText.Length > 0)
            {
                if (!decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                    return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: value '{F("value")}' is not a number");
                value = v;
            }
            else if (kind is ClaimKind.Count or ClaimKind.Total or ClaimKind.GrowthPct or ClaimKind.AtLeast)
            {
                return Parsed<IReadOnlyList<Claim>>.Fail($"{path}, row {rowNumber}: a {kind.ToContract()} claim needs a value");
            }
            claims.Add(new Claim(id, F("article_id"), F("force"), measure, kind, F("category_label"), F("period_label"), value, valueText, F("text"), path, rowNumber)
            {
                IsNational = IsNationalForce(F("force")),
            });
        }
        return Parsed<IReadOnlyList<Claim>>.Success(claims);
    }

    /// <summary>"England and Wales" (any spelling) or "national": the claim is about every force, not one.</summary>
    public static bool IsNationalForce(string printed) => LabelKey.Of(printed) is "england and wales" or "england wales" or "national";
}
