using System.Text;

namespace FoiKit.Formats.Tests.Fixtures;

/// <summary>
/// The part of the bad-input corpus that is binary or large, so it is made by code rather than
/// committed: odd encodings, broken and hostile workbooks, huge cells. All data is SYNTHETIC.
/// The committed part is in bad-input/; expected.csv lists both.
/// </summary>
public static class BadInputCorpus
{
    public const string Meta = "schema,foi-response/1\nrequest,legal-expert-tiktok-2024\nkind,force_response\nforce,Dorset Police\n" +
        "source_url,https://example.invalid/synthetic\nnotes,SYNTHETIC bad-input fixture for tests; not a real response\n";

    private static readonly (string, string)[] AboutPairs =
    [
        ("schema", "foi-response/1"), ("request", "legal-expert-tiktok-2024"), ("kind", "force_response"), ("force", "Dorset Police"),
        ("source_url", "https://example.invalid/synthetic"), ("notes", "SYNTHETIC bad-input fixture for tests; not a real response"),
    ];

    /// <summary>Writes every generated fixture into <paramref name="dir"/>.</summary>
    public static void Generate(string dir)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Directory.CreateDirectory(dir);
        string P(string name) => Path.Combine(dir, name);

        File.WriteAllText(P("csv-huge-cell.csv"), Meta + "\nQuestion 1a\nOffence,Count\nHarassment," + new string('9', 40_000) + "x" + new string('y', 60_000) + "\nStalking,3\n");
        File.WriteAllBytes(P("csv-binary.csv"), Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256)).ToArray());
        var zipped = P("csv-zip-renamed.csv");
        AboutWorkbook().Save(zipped);
        var cp1252 = Encoding.GetEncoding(1252);
        File.WriteAllBytes(P("csv-windows1252.csv"), cp1252.GetBytes(Meta + "\nQuestion 1a\nOffence,Count\n\u201cHarassment\u201d,5\nCost of stalking,£12\n"));
        File.WriteAllBytes(P("csv-utf16-unknown-force.txt"), Utf16Tab(Meta.Replace("Dorset Police", "Narnia Constabulary", StringComparison.Ordinal) + "\nQuestion 1a\nOffence,Count\nHarassment,5\n"));
        File.WriteAllBytes(P("csv-utf16-negative.txt"), Utf16Tab(Meta + "\nQuestion 1a\nOffence,Count\nHarassment,-7\nStalking,2\n"));

        File.WriteAllBytes(P("xlsx-empty.xlsx"), []);
        var good = P("good.tmp.xlsx");
        AboutWorkbook().Save(good);
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(P("xlsx-truncated.xlsx"), bytes[..(bytes.Length / 2)]);
        File.Delete(good);
        File.WriteAllText(P("xlsx-not-zip.xlsx"), "Offence,Count\nHarassment,5\n");
        File.WriteAllBytes(P("xlsx-old-xls.xlsx"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);
        XlsxBuilder.ZipBomb(P("xlsx-zip-bomb.xlsx"), 64);
        XlsxBuilder.ManyEntries(P("xlsx-many-entries.xlsx"), 6_000);
        using (var zip = new System.IO.Compression.ZipArchive(File.Create(P("xlsx-zip-without-workbook.xlsx")), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("readme.txt").Open();
            s.Write("SYNTHETIC: a zip that is not a workbook"u8);
        }

        Workbook(("force", "Narnia Constabulary"), q => q.Row("Offence", "Count").Row("Harassment", 5)).Save(P("xlsx-unknown-force.xlsx"));
        Workbook(("request", "no-such-request-2099"), q => q.Row("Offence", "Count").Row("Harassment", 5)).Save(P("xlsx-unknown-request.xlsx"));
        var noKind = new XlsxBuilder();
        noKind.Sheet("about").Meta([.. AboutPairs.Where(p => p.Item1 != "kind")]);
        noKind.Sheet("1a").Row("Offence", "Count").Row("Harassment", 5);
        noKind.Save(P("xlsx-missing-kind.xlsx"));
        var unmarked = new XlsxBuilder();
        unmarked.Sheet("Sheet1").Row("Offence", "Count").Row("Harassment", 5);
        unmarked.Save(P("xlsx-unmarked.xlsx"));
        var noTable = new XlsxBuilder();
        noTable.Sheet("about").Meta(AboutPairs);
        noTable.Sheet("Response").Row("The force holds no information in scope of this request.").Row("SYNTHETIC fixture.");
        noTable.Save(P("xlsx-no-table.xlsx"));

        Workbook(null, q => q.Row("Offence", "Count").Row("Harassment", -4).Row("Stalking", 3)).Save(P("xlsx-negative-counts.xlsx"));
        Workbook(null, q => q.Row("Offence", "Count").Row("Harassment", "twelve").Row("Stalking", 3)).Save(P("xlsx-numbers-as-words.xlsx"));
        var dup = new XlsxBuilder();
        dup.Sheet("about").Meta(AboutPairs);
        dup.Sheet("1").Row("Period", "Count").Row("2021/22", 14).Row("2022/23", 16);
        dup.Sheet("Q1 (copy)").Row("Question 1").Row("Period", "Count").Row("2021/22", 14).Row("2022/23", 16);
        dup.Save(P("xlsx-duplicated-table.xlsx"));
        Workbook(null, q => q.Row("Offence", "Count").Row("Harassment", true).Row("Stalking", new XNum(0.25, XlsxBuilder.Percent))
            .Row("Fraud", new XFormula("1/0", "#DIV/0!")).Row("Theft", new XNum(44292, XlsxBuilder.Date)).Row("Robbery", 2)).Save(P("xlsx-wrong-types.xlsx"));
        var uncached = new XlsxBuilder();
        uncached.Sheet("about").Meta(AboutPairs);
        uncached.Sheet("1a").Row("Question 1a: offences").Blank().Row("Offence", "Count").Row("Harassment", 2).Row("Stalking", 3).Row("Total", new XFormula("SUM(B4:B5)", null));
        uncached.Save(P("xlsx-formula-uncached.xlsx"));
        Workbook(null, q => q.Row("Offence", "Count").Row("Harassment", new string('z', 40_000)).Row("Stalking", 3)).Save(P("xlsx-huge-cell.xlsx"));
        Workbook(null, q => q.Row("Offence", "Count").Row("Harassment", new XNum(14.5, XlsxBuilder.Integer)).Row("Stalking", 3)).Save(P("xlsx-hidden-fraction.xlsx"));
        var master = new XlsxBuilder();
        master.Sheet("master").Row("request", "legal-expert-tiktok-2024").Row("kind", "force_response").Blank()
            .Row("Force", "Question", "Period", "Category", "Value").Row("Dorset Police", "1", "2021/22", null, 14).Row("Narnia Constabulary", "1", "2021/22", null, 9);
        master.Save(P("xlsx-master-unknown-force.xlsx"));

        var hazards = new XlsxBuilder().ExternalLink("file:///C:/FOI/working/master.xlsx");
        hazards.Sheet("about").Meta(AboutPairs);
        hazards.Sheet("1a").Row("Question 1a: offences 2023/24 (SYNTHETIC)").Merge("A1:C1").Blank()
            .Row("Group", "Offence", "Count").Row("Violence", "Harassment", 5).Row(null, "Stalking", 3).Merge("A4:A5")
            .Row("Other", "Fraud", new XNum(1234, XlsxBuilder.Thousands)).Row("Total", null, new XFormula("SUM(C4:C6)", 1242))
            .HideRow(6).HideColumn(1).Comment("C4", "Includes one crime later cancelled");
        hazards.Sheet("workings", hidden: true).Row("Offence", "Count").Row("Harassment", 99);
        hazards.Save(P("xlsx-hazards.xlsx"));
    }

    private static XlsxBuilder AboutWorkbook()
    {
        var b = new XlsxBuilder();
        b.Sheet("about").Meta(AboutPairs);
        b.Sheet("1a").Row("Offence", "Count").Row("Harassment", 5);
        return b;
    }

    /// <summary>An about sheet (one pair replaced) and a sheet "1a" filled by <paramref name="fill"/>.</summary>
    private static XlsxBuilder Workbook((string Key, string Value)? replace, Action<SheetSpec> fill)
    {
        var b = new XlsxBuilder();
        b.Sheet("about").Meta([.. AboutPairs.Select(p => replace is { } r && r.Key == p.Item1 ? (p.Item1, r.Value) : p)]);
        fill(b.Sheet("1a"));
        return b;
    }

    /// <summary>Excel's "Unicode text": UTF-16 little-endian with a byte order mark, tab-separated.</summary>
    public static byte[] Utf16Tab(string csv) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv.Replace(',', '\t'))];
}
