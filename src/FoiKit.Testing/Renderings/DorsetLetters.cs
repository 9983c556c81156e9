using System.Net;
using System.Text;
using FoiKit.Model;
using FoiKit.Read;

namespace FoiKit.Testing.Renderings;

/// <summary>
/// TEST RENDERINGS of Dorset Police's answer: the figures are the real ones, read from the hand
/// transcript data/responses/dorset.json; the layout and every sentence of prose are written by
/// the kit's tests. None of this is, or copies, the force's own page or letter. Shared by the
/// document tests and the command-line tests, so both read the same renderings.
/// </summary>
public static class DorsetLetters
{
    public const string Label = "TEST RENDERING laid out by the kit's tests from the figures of a hand transcript in data/responses; not the force's own document.";

    public const string Opening = "We have considered your request under the Freedom of Information Act 2000 and answer each part of it below.";

    /// <summary>The request quoted back, with its years in running text: none of them may become a figure.</summary>
    public const string Quoted = "You asked how many offences were logged where TikTok was recorded in each of 2021/22, 2022/23 and 2023/24, what those offences were in 2023/24, and what action followed.";

    public const string Method = "The figures come from a search of our crime records for the words TikTok and Tik Tok in the summary of each occurrence. A keyword search shows that the word is present, not whether the app played any part in the offence.";

    public const string Basis = "Each year runs from 6 April to 5 April, as your request asked.";

    public const string Rights = "If you are unhappy with this answer you may ask for a review within 40 working days of the date of this letter by writing to 1 Example Street, Exampletown EX1 2AB or by telephone on 01632 960000.";

    public const string Heading1 = "1) Offences logged where TikTok was recorded, by year";

    public const string Heading1a = "1a) Nature of the offences in 2023/24";

    public const string Reference = "01/FIN/24/2153";

    /// <summary>
    /// The hand transcript the renderings carry the figures of: <c>responses/dorset.json</c> in FOIKIT_DATA, else in
    /// the first <c>data/</c> above the running tests that holds it (the copy of <c>data/reference</c> shipped beside
    /// the foi program holds no responses).
    /// </summary>
    public static string HandTranscriptPath { get; } = FindHandTranscript();

    private static string FindHandTranscript()
    {
        var env = Environment.GetEnvironmentVariable("FOIKIT_DATA");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(env)) candidates.Add(Path.Combine(env, "responses", "dorset.json"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "data", "responses", "dorset.json"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"data/responses/dorset.json was not found above {AppContext.BaseDirectory} (set FOIKIT_DATA to the kit's data folder)");
    }

    private static readonly Lazy<ResponseTranscript> LazyHand = new(() =>
        TranscriptReader.Read(HandTranscriptPath) is { Ok: true } t ? t.Value! : throw new InvalidDataException($"{HandTranscriptPath} could not be read"));

    /// <summary>The hand transcript of Dorset Police's answer.</summary>
    public static ResponseTranscript HandTranscript => LazyHand.Value;

    /// <summary>The hand transcript's table for a question, rows as printed (its blank third column left out, as the page shows nothing there).</summary>
    public static (string[] Columns, List<string[]> Rows) Table(string question)
    {
        var t = HandTranscript.Tables.Single(x => x.Question == question);
        var keep = Enumerable.Range(0, t.Columns.Count).Where(i => t.Columns[i].Length > 0 || t.Rows.Any(r => i < r.Cells.Count && !string.IsNullOrEmpty(r.Cells[i]))).ToList();
        return (keep.Select(i => t.Columns[i]).ToArray(), t.Rows.Select(r => keep.Select(i => r.Cells[i] ?? "").ToArray()).ToList());
    }

    /// <summary>Writes the answer as a web page (<c>html</c>), a Word letter (<c>docx</c>) or a PDF letter (<c>pdf</c>) into <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder, string format, string name = "dorset-answer")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.{format}");
        switch (format)
        {
            case "html": File.WriteAllText(path, Html()); break;
            case "docx": Docx().Save(path); break;
            case "pdf": File.WriteAllBytes(path, Pdf()); break;
            default: throw new ArgumentException($"'{format}' is not html, docx or pdf", nameof(format));
        }
        return path;
    }

    // ---- web page -----------------------------------------------------------------------------

    /// <summary>A disclosure-log page: banner, navigation and footer around the answer; header rows made of td.</summary>
    public static string Html(Func<string, string[], List<string[]>, string>? table = null)
    {
        table ??= (caption, columns, rows) => HtmlTable(columns, rows);
        var (c1, r1) = Table("1");
        var (c1a, r1a) = Table("1a");
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>TikTok related offences | Dorset Police</title>
            <link rel="canonical" href="https://example.invalid/disclosure-log/tiktok">
            <style>table td { padding: 4px; } .n { width: 14px; }</style>
            <script>var counts = [14, 16, 16, 46]; window.dataLayer = [{ year: 2024 }];</script></head>
            <body>
            <header><p>Dorset Police</p><nav><ul><li><a href="/">Home</a></li><li><a href="/101">Call 101</a></li><li><a href="/y">2024 disclosures</a></li></ul></nav></header>
            <main>
            <h1>Disclosure: TikTok related offences</h1>
            <p>Reference: {{Reference}}</p>
            <p>Version date: 22/07/2024</p>
            <p><em>{{WebUtility.HtmlEncode(Label)}}</em></p>
            <p>{{Opening}}</p>
            <p>{{Quoted}}</p>
            <h2>{{Heading1}}</h2>
            {{table(Heading1, c1, r1)}}
            <h2>{{Heading1a}}</h2>
            {{table(Heading1a, c1a, r1a)}}
            <p>{{Method}}</p>
            <p>{{Basis}}</p>
            <p>{{Rights}}</p>
            </main>
            <footer><p>&copy; 2024 | Switchboard 01632 960001 | 12 Example Road</p><table><tr><td>Follow us</td><td>12,000</td></tr></table></footer>
            <script>document.write(46);</script>
            </body></html>
            """;
    }

    /// <summary>A table whose header row is made of td, as many disclosure pages print it.</summary>
    public static string HtmlTable(string[] columns, List<string[]> rows)
    {
        var sb = new StringBuilder("<table>\n<tr>");
        foreach (var c in columns) sb.Append("<td><strong>").Append(WebUtility.HtmlEncode(c)).Append("</strong></td>");
        sb.Append("</tr>\n");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            foreach (var c in r) sb.Append("<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</table>").ToString();
    }

    // ---- Word letter --------------------------------------------------------------------------

    /// <summary>A Word letter: the force in the page header, tables with a repeating header row, caption the paragraph above.</summary>
    public static DocxBuilder Docx()
    {
        var (c1, r1) = Table("1");
        var (c1a, r1a) = Table("1a");
        return new DocxBuilder()
            .PageHeader("Dorset Police - Freedom of Information")
            .Paragraph($"Our reference: {Reference}")
            .Paragraph("Date: 22/07/2024")
            .Paragraph(Label)
            .Paragraph(Opening)
            .Paragraph(Quoted)
            .Heading(Heading1)
            .Table([c1.Select(c => (WordCell)c).ToArray(), .. r1.Select(r => r.Select(c => (WordCell)c).ToArray())], repeatingHeaderRows: 1)
            .Heading(Heading1a)
            .Table([c1a.Select(c => (WordCell)c).ToArray(), .. r1a.Select(r => r.Select(c => (WordCell)c).ToArray())], repeatingHeaderRows: 1)
            .Paragraph(Method)
            .Paragraph(Basis)
            .Paragraph(Rights);
    }

    // ---- PDF letter ---------------------------------------------------------------------------

    /// <summary>A PDF letter: letterhead, reference lines, question 1 as a ruled table, question 1a unruled and running straight into the next paragraph.</summary>
    public static byte[] Pdf()
    {
        var (c1, r1) = Table("1");
        var (c1a, r1a) = Table("1a");
        using var pdf = new LetterPdfBuilder();
        pdf.TextAt(LetterPdfBuilder.Margin, "Dorset Police", 16, bold: true).NewLine(16)
            .TextAt(LetterPdfBuilder.Margin, "Freedom of Information Unit").NewLine()
            .Space(8)
            .TextAt(LetterPdfBuilder.Margin, "Our reference:").TextAt(200, Reference).NewLine()
            .TextAt(LetterPdfBuilder.Margin, "Date:").TextAt(200, "22/07/2024").NewLine()
            .Space(10)
            .Paragraph(Label)
            .Paragraph(Opening)
            .Paragraph(Quoted)
            .Heading(Heading1)
            .Table([c1, .. r1], [220, 80], ruled: true)
            .Heading(Heading1a)
            .Table([c1a, .. r1a], [220, 80], ruled: false, gapAfter: 0)
            .Paragraph(Method)
            .Paragraph(Basis)
            .Paragraph(Rights);
        return pdf.Build();
    }
}
