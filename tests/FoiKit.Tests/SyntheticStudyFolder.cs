// A SYNTHETIC study folder about a force that is not in the kit's data/ (Northumbria Police): its own answer,
// an article's figures and that article's claims, every file labelled synthetic. Tests run the kit over it as
// a journalist runs it over their own material. FoiKit.Charts.Tests, FoiKit.Cli.Tests and FoiNotebooks.Tests
// compile this same file (linked).
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FoiKit.Tests;

/// <summary>
/// Writes the synthetic Northumbria study. The figures are made up, and small enough to check by hand:
/// offences 40, 55 and 70 in 2021/22 to 2023/24 (total 165, up 75%, rising every year); in 2023/24
/// harassment 30, stalking 12, malicious communications 9 (sum 51), and 4 charged or summonsed.
/// </summary>
public static class SyntheticStudyFolder
{
    public const string ForceId = "northumbria";

    public const string ForceName = "Northumbria Police";

    /// <summary>The article's id (its transcript is articles/synthetic-gazette__northumbria.json).</summary>
    public const string ArticleId = "synthetic-gazette-northumbria";

    public const string Note = "SYNTHETIC: made up for the kit's tests; not a real answer, article or claim.";

    /// <summary>Writes the study into <paramref name="folder"/> (created) and returns it.</summary>
    /// <param name="withSources">Also write sources.csv listing every file with its sha256.</param>
    public static string Write(string folder, bool withSources = true)
    {
        Directory.CreateDirectory(folder);
        Save(folder, "README.md", "# A SYNTHETIC study folder\n\nMade up for the kit's tests: no figure here is real.\n");
        Save(folder, "responses/northumbria.json", Transcript("force_response", "synthetic://foikit-tests/northumbria-answer",
            ("1", ["Period", "Offences"], [["2021/22", "40"], ["2022/23", "55"], ["2023/24", "70"], ["Total", "165"]]),
            ("1a", ["Offence", "Offences"], [["Harassment", "30"], ["Stalking", "12"], ["Malicious Communications", "9"]]),
            ("1b", ["Outcome", "Offences"], [["Charged/Summonsed", "4"]])));
        Save(folder, "articles/synthetic-gazette__northumbria.json", Transcript("published_article", "synthetic://foikit-tests/synthetic-gazette",
            ("1", ["Period as printed", "Offences"], [["since 2021", "165"]])));
        Save(folder, $"claims/{ArticleId}.csv", """
            claim_id,article_id,force,measure,kind,category_label,period_label,value,text
            sg-01,synthetic-gazette-northumbria,Northumbria Police,offences,total,,since 2021,165,SYNTHETIC: the paper says 165 offences were recorded since 2021.
            sg-02,synthetic-gazette-northumbria,Northumbria Police,offences,growth_pct,,in the last three years,75,SYNTHETIC: the paper says offences rose 75%.
            sg-03,synthetic-gazette-northumbria,Northumbria Police,offences,rising,,in the last three years,,SYNTHETIC: the paper says the figures rose every year.
            sg-04,synthetic-gazette-northumbria,Northumbria Police,offences,count,harassment,2023/24,30,SYNTHETIC: the paper says 30 were harassment last year.
            sg-05,synthetic-gazette-northumbria,England and Wales,offences,at_least,,since 2021,1000,SYNTHETIC: the paper says more than 1000 across England and Wales.

            """);
        if (withSources) WriteSources(folder);
        return folder;
    }

    /// <summary>sources.csv listing every file of the folder (but itself) with its sha256, labelled synthetic.</summary>
    public static void WriteSources(string folder)
    {
        var rows = new StringBuilder("file,what,source,source_url,date,licence,sha256,notes\n");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                     .Where(f => f != "sources.csv").Order(StringComparer.Ordinal))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));
            rows.Append(file).Append(",SYNTHETIC test file,the kit's tests,,2026,none (synthetic),").Append(sha).Append(",made up\n");
        }
        Save(folder, "sources.csv", rows.ToString());
    }

    private static string Transcript(string kind, string url, params (string Question, string[] Columns, string[][] Rows)[] tables) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["schema"] = "foi-response/1",
            ["request"] = "legal-expert-tiktok-2024",
            ["kind"] = kind,
            ["force"] = ForceName,
            ["source_url"] = url,
            ["response_date"] = "01/08/2024",
            ["tables"] = tables.Select(t => new Dictionary<string, object>
            {
                ["question"] = t.Question, ["caption"] = "", ["columns"] = t.Columns, ["rows"] = t.Rows,
            }).ToList(),
            ["truncated"] = false,
            ["notes"] = Note,
        }, new JsonSerializerOptions { WriteIndented = true });

    private static void Save(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
    }
}
