using System.Globalization;
using System.Text;

namespace FoiKit.Testing.Renderings;

/// <summary>
/// Documents the kit cannot use, as the tests write them: a scan with no text layer, a
/// password-protected PDF, letters with no table of figures. Shared by the document tests and the
/// command-line tests, which check the one sentence each gets.
/// </summary>
public static class BadDocuments
{
    /// <summary>Two pages of drawing and no text at all, as a scan without OCR is (pictures, no words).</summary>
    public static byte[] ScannedPdf()
    {
        using var pdf = new LetterPdfBuilder(pageNumbers: false);
        for (var i = 0; i < 40; i++) pdf.Rule(72, 700 - (i * 12), 500, 700 - (i * 12));
        pdf.PageBreak().Rule(72, 700, 500, 700);
        return pdf.Build();
    }

    /// <summary>
    /// A one-page PDF written by hand whose trailer names a standard security handler with a user
    /// password nobody gave us: what a password-protected letter looks like to a reader.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
            "<< /Filter /Standard /V 1 /R 2 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> /P -44 >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        sb.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>
    /// A letter from Dorset Police with figures only in running text (and the request quoted back), in the
    /// format its extension names (<c>.html</c>, <c>.docx</c>, else PDF): no table, so no figures.
    /// </summary>
    public static void WriteLetterWithoutTable(string path)
    {
        var prose = new[] { DorsetLetters.Label, DorsetLetters.Quoted, "We logged 14 offences in 2021/22 and 16 in 2022/23.", DorsetLetters.Rights };
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".html":
                File.WriteAllText(path, "<html><body><h1>Dorset Police</h1>" + string.Concat(prose.Select(p => $"<p>{p}</p>")) + "</body></html>");
                break;
            case ".docx":
                var doc = new DocxBuilder().PageHeader("Dorset Police");
                foreach (var p in prose) doc.Paragraph(p);
                doc.Save(path);
                break;
            default:
                using (var pdf = new LetterPdfBuilder())
                {
                    foreach (var p in prose) pdf.Paragraph(p);
                    File.WriteAllBytes(path, pdf.Build());
                }
                break;
        }
    }
}
