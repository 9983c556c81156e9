using System.Text;
using FoiKit.Model;

namespace FoiKit.Read.Documents;

/// <summary>A document's blocks turned into what a transcript holds: tables of figures, prose, and warnings.</summary>
/// <param name="Tables">Tables of figures, numbered 1, 2, … in reading order.</param>
/// <param name="Prose">Paragraphs and headings in reading order (the answer's text, for its method notes).</param>
/// <param name="Heading">Letterhead, headings and the first paragraphs: where a force, reference and date are looked for.</param>
/// <param name="TablesAsText">Tables read as text (layout), each with the reason.</param>
internal sealed record AssembledDocument(
    IReadOnlyList<SourceTable> Tables,
    IReadOnlyList<string> Prose,
    IReadOnlyList<string> Heading,
    IReadOnlyList<string> TablesAsText,
    IReadOnlyList<Diagnostic> Warnings);

/// <summary>
/// Reads a document's blocks in order: tables that pass <see cref="TableRules"/> become tables of
/// figures, with the heading or sentence just above as caption and the question the text above
/// names; everything else is prose. Numbers in prose never become figures.
/// </summary>
internal static class DocumentAssembler
{
    /// <summary>How many text blocks from the top count as the letter's heading (besides letterhead and headings).</summary>
    private const int HeadingBlocks = 5;

    public static AssembledDocument Assemble(string path, IEnumerable<DocumentBlock> blocks)
    {
        var tables = new List<SourceTable>();
        var prose = new List<string>();
        var heading = new List<string>();
        var asText = new List<string>();
        var warnings = new List<Diagnostic>();
        var labels = new List<string>();   // question labels named since the last table of figures
        string lastLabel = "", lastNumber = "";
        TextBlock? lastText = null;
        var textBlocks = 0;

        void Text(string text, TextRole role, string where)
        {
            if (text.Length == 0) return;
            textBlocks++;
            if (role == TextRole.Letterhead || role == TextRole.Heading || textBlocks <= HeadingBlocks) heading.Add(text);
            if (role == TextRole.Letterhead) return;
            prose.Add(text);
            var q = LetterText.QuestionIn(text, lastNumber);
            if (q.Length > 0)
            {
                if (!labels.Contains(q)) labels.Add(q);
                if (LetterText.NumberOf(q) is { Length: > 0 } n) lastNumber = n;
            }
            lastLabel = q;
            lastText = new TextBlock(text, role, where);
        }

        foreach (var block in blocks)
        {
            switch (block)
            {
                case TextBlock t:
                    Text(t.Text, t.Role, t.Where);
                    break;
                case NoticeBlock n:
                    warnings.Add(new Diagnostic(Severity.Warning, path, Where(n.Where) + n.Message));
                    break;
                case TableBlock t:
                    var judged = TableRules.Judge(t);
                    if (!judged.Ok)
                    {
                        var text = string.Join(" ", t.Rows.Select(r => string.Join(" ", r.Where(c => c.Span == CellSpan.Own && !c.IsBlank).Select(c => c.Text))).Where(s => s.Length > 0));
                        asText.Add($"{Where(t.Where)}{judged.Error}: '{TableRules.Show(text)}'");
                        // A table of layout that held numbers is named, so nothing that might be a figure goes unmentioned.
                        if (t.Rows.Any(r => r.Skip(1).Any(c => c.Span == CellSpan.Own && TableRules.IsFigure(c.Text))))
                            warnings.Add(new Diagnostic(Severity.Warning, path, $"{Where(t.Where)}a table was read as text, not figures ({judged.Error}): '{TableRules.Show(text)}'"));
                        foreach (var row in t.Rows)
                            Text(DocumentText.Collapse(string.Join(" ", row.Where(c => c.Span == CellSpan.Own && !c.IsBlank).Select(c => c.Text))), TextRole.Paragraph, t.Where);
                        break;
                    }
                    var f = judged.Value!;
                    var index = tables.Count + 1;
                    var title = t.Caption.Length > 0 ? t.Caption : string.Join(" ", f.Titles);
                    var caption = title.Length > 0 ? title : lastText is { } above ? LetterText.CaptionOf(above.Text) : "";
                    var question = LetterText.QuestionIn(title, lastNumber);
                    if (question.Length == 0)
                    {
                        if (labels.Count == 1) question = labels[0];
                        else if (labels.Count > 1 && lastLabel.Length > 0) question = lastLabel;
                    }
                    if (question.Length == 0)
                    {
                        var why = labels.Count > 1
                            ? $"the text above it names questions {string.Join(", ", labels)}, so which one it answers is not clear"
                            : "no heading or sentence above it names the question it answers";
                        warnings.Add(new Diagnostic(Severity.Warning, path, $"{Where(t.Where)}{why}: set its \"question\" in the draft", index));
                    }
                    foreach (var notice in f.Notices) warnings.Add(new Diagnostic(Severity.Warning, path, Where(t.Where) + notice, index));
                    foreach (var set in f.SetAside) prose.Add(set);
                    var rows = f.Rows.Select((r, i) => new SourceRow(i + 1, r)).ToList();
                    tables.Add(new SourceTable(index, question, caption, f.Columns, rows));
                    labels.Clear();
                    lastLabel = "";
                    lastText = null;
                    break;
                default:
                    break;
            }
        }
        return new AssembledDocument(tables, prose, heading, asText, warnings);
    }

    private static string Where(string where) => where.Length > 0 ? where + ": " : "";

    /// <summary>The prose as method notes: paragraphs one a line.</summary>
    public static string MethodNotes(IEnumerable<string> prose)
    {
        var sb = new StringBuilder();
        foreach (var p in prose)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(p);
        }
        return sb.ToString();
    }
}
