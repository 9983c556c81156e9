using System.Text.Json;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Reference;

/// <summary>Reads a request definition (contract §2).</summary>
internal static class RequestReader
{
    public static Parsed<RequestDefinition> Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), JsonOptions.Document);
            return FromJson(doc.RootElement, path);
        }
        catch (JsonException e)
        {
            return Parsed<RequestDefinition>.Fail($"{path}: not valid JSON ({JsonOptions.Describe(e)})");
        }
        catch (IOException e)
        {
            return Parsed<RequestDefinition>.Fail($"{path}: cannot be read ({e.Message})");
        }
    }

    public static Parsed<RequestDefinition> FromJson(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object) return Parsed<RequestDefinition>.Fail($"{path}: a request definition must be a JSON object");
        var id = JsonOptions.Text(root, "id");
        if (id.Length == 0) return Parsed<RequestDefinition>.Fail($"{path}: the request definition has no 'id'");
        if (!root.TryGetProperty("questions", out var qs) || qs.ValueKind != JsonValueKind.Object)
            return Parsed<RequestDefinition>.Fail($"{path}: request '{id}' has no 'questions' object");
        var questions = new Dictionary<string, QuestionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var q in qs.EnumerateObject())
        {
            var v = q.Value;
            if (!MeasureNames.TryParse(JsonOptions.Text(v, "measure"), out var measure))
                return Parsed<RequestDefinition>.Fail($"{path}: question {q.Name} has measure '{JsonOptions.Text(v, "measure")}' (offences or outcomes)");
            var periods = new List<FinancialYear>();
            if (v.TryGetProperty("periods", out var ps) && ps.ValueKind == JsonValueKind.Array)
            {
                foreach (var p in ps.EnumerateArray())
                {
                    // A number or an object here is a typo in a hand-written file, not a crash.
                    if (!FinancialYear.TryParseLabel(JsonOptions.Scalar(p), out var fy))
                        return Parsed<RequestDefinition>.Fail($"{path}: question {q.Name} period '{p}' is not a year like 2021/22");
                    periods.Add(fy);
                }
            }
            FinancialYear? single = null;
            var periodText = JsonOptions.Text(v, "period");
            if (periodText.Length > 0)
            {
                if (!FinancialYear.TryParseLabel(periodText, out var fy))
                    return Parsed<RequestDefinition>.Fail($"{path}: question {q.Name} period '{periodText}' is not a year like 2023/24");
                single = fy;
            }
            PeriodBasis? basis = PeriodBasisNames.TryParse(JsonOptions.Text(v, "requested_basis"), out var b) ? b : null;
            questions[q.Name] = new QuestionDefinition(q.Name, measure, JsonOptions.Text(v, "by"), periods, single, basis, JsonOptions.Text(v, "wording"));
        }
        var keywords = new List<string>();
        if (root.TryGetProperty("keywords", out var ks) && ks.ValueKind != JsonValueKind.Null)
        {
            if (ks.ValueKind != JsonValueKind.Array)
                return Parsed<RequestDefinition>.Fail($"{path}: 'keywords' must be a list of words, like [\"keyword\"]");
            foreach (var k in ks.EnumerateArray())
            {
                if (k.ValueKind != JsonValueKind.String || k.GetString() is not { Length: > 0 } word)
                    return Parsed<RequestDefinition>.Fail($"{path}: keyword '{k}' is not a word in quotes");
                keywords.Add(word);
            }
        }
        int? populationYear = null;
        if (root.TryGetProperty("population_year", out var py) && py.ValueKind != JsonValueKind.Null)
        {
            if (py.ValueKind != JsonValueKind.Number || !py.TryGetInt32(out var year) || year is < 1900 or > 2999)
                return Parsed<RequestDefinition>.Fail($"{path}: population_year '{py}' is not a year like 2024");
            populationYear = year;
        }
        return Parsed<RequestDefinition>.Success(new RequestDefinition(
            id, JsonOptions.Text(root, "requester"), JsonOptions.Text(root, "sent"), JsonOptions.Text(root, "subject"), questions, path)
        {
            Keywords = keywords,
            ComparisonCaveat = JsonOptions.Text(root, "comparison_caveat").Trim(),
            PopulationYear = populationYear,
        });
    }
}
