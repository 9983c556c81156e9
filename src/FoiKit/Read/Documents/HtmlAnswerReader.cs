using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FoiKit.Read.Documents;

/// <summary>
/// A disclosure-log web page as blocks (AngleSharp: an HTML5 parser that never fetches anything).
/// The page's furniture (navigation, footer, scripts, styles, forms, hidden parts) is not read;
/// when the page marks its content (<c>main</c>, <c>article</c>) only that is read, plus its
/// banner and title as letterhead. A table that holds another table is page layout: its cells are
/// read as text and the tables inside it are considered on their own.
/// </summary>
internal static class HtmlAnswerReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "select", "option", "textarea",
        "svg", "iframe", "object", "embed", "canvas", "audio", "video", "map", "head", "menu", "dialog",
    };

    private static readonly HashSet<string> BlockLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "address", "figure", "figcaption", "hr", "br", "tr", "td", "th", "table", "caption", "body", "center", "fieldset",
        "legend", "details", "summary",
    };

    /// <summary>Reads a page; a file that is not a web page gets a one-sentence reason.</summary>
    public static Model.Parsed<DocumentContent> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Model.Parsed<DocumentContent>.Fail($"{path}: cannot be read ({e.Message})");
        }
        if (bytes.Length == 0) return Model.Parsed<DocumentContent>.Fail($"{path}: the file is empty");
        if (LooksBinary(bytes))
            return Model.Parsed<DocumentContent>.Fail($"{path}: this is not a web page (the file holds binary data): is it a PDF or Word file named .html?");

        using var stream = new MemoryStream(bytes, writable: false);
        var document = new HtmlParser().ParseDocument(stream);
        var facts = new DocumentFacts { Format = "html", SourceUrl = CanonicalUrl(document) };
        var head = Encoding.Latin1.GetString(bytes).ToLowerInvariant();
        if ((head.Contains("<html", StringComparison.Ordinal) || head.Contains("<body", StringComparison.Ordinal))
            && !head.Contains("</html>", StringComparison.Ordinal) && !head.Contains("</body>", StringComparison.Ordinal))
            facts.TruncatedWhy = "the page stops before its end (no closing </body> or </html>): what came after the cut is unknown";
        else if (Count(head, "<table") > Count(head, "</table>"))
            facts.TruncatedWhy = "a table is not closed (fewer </table> than <table>): the page may be cut off";

        var blocks = new List<DocumentBlock>();
        var walker = new Walker(blocks);
        if (document.Title is { Length: > 0 } title) blocks.Add(new TextBlock(DocumentText.Collapse(title), TextRole.Letterhead));
        var body = document.Body;
        if (body is not null)
        {
            var main = body.QuerySelector("main, [role=main], article");
            if (main is not null)
            {
                // The page says where its content is: the rest is furniture, except a banner naming the force.
                foreach (var banner in body.QuerySelectorAll("header, [role=banner]").Where(b => !main.Contains(b) && !b.Contains(main)))
                    walker.Letterhead(banner);
                walker.Walk(main);
            }
            else
            {
                walker.Walk(body);
            }
            walker.Flush();
        }
        facts.Text = blocks.OfType<TextBlock>().Any() || blocks.OfType<TableBlock>().Any();
        return Model.Parsed<DocumentContent>.Success(new DocumentContent(blocks, facts));
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>NUL bytes in the first 8 kB (UTF-16 pages have a byte order mark and are decoded, not refused).</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return false;
        var n = Math.Min(bytes.Length, 8192);
        for (var i = 0; i < n; i++) if (bytes[i] == 0) return true;
        return bytes.Length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    }

    /// <summary>The page's own address, when it states one (<c>link rel=canonical</c>, <c>og:url</c>).</summary>
    private static string CanonicalUrl(IHtmlDocument document)
    {
        var href = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        return href is not null && Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : "";
    }

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        if (string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var role = e.GetAttribute("role");
        if (role is not null && (role.Equals("navigation", StringComparison.OrdinalIgnoreCase) || role.Equals("contentinfo", StringComparison.OrdinalIgnoreCase)
            || role.Equals("search", StringComparison.OrdinalIgnoreCase))) return true;
        var style = e.GetAttribute("style");
        return style is not null && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Walks the page in reading order, gathering inline text into blocks.</summary>
    private sealed class Walker(List<DocumentBlock> blocks)
    {
        private readonly StringBuilder _run = new();
        private TextRole _role = TextRole.Paragraph;

        public void Letterhead(IElement banner)
        {
            Flush();
            var saved = _role;
            _role = TextRole.Letterhead;
            WalkChildren(banner);
            Flush();
            _role = saved;
        }

        public void Walk(IElement element)
        {
            var name = element.LocalName;
            if (Skipped.Contains(name) || IsHidden(element)) return;
            if (name == "table")
            {
                Flush();
                if (element.QuerySelector("table") is not null) WalkChildren(element); // layout: cells are text, inner tables count
                else blocks.Add(ToTable((IHtmlTableElement)element));
                return;
            }
            if (name == "header" || string.Equals(element.GetAttribute("role"), "banner", StringComparison.OrdinalIgnoreCase))
            {
                Letterhead(element);
                return;
            }
            var block = BlockLevel.Contains(name);
            if (block) Flush();
            var saved = _role;
            if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "caption" or "legend" or "summary" || (name is "p" && IsAllBold(element)))
                _role = TextRole.Heading;
            WalkChildren(element);
            if (block) Flush();
            _role = saved;
        }

        private void WalkChildren(IElement element)
        {
            foreach (var child in element.ChildNodes)
            {
                if (child is IElement e) Walk(e);
                else if (child.NodeType == NodeType.Text) _run.Append(child.TextContent);
            }
        }

        public void Flush()
        {
            var text = DocumentText.Collapse(_run.ToString());
            _run.Clear();
            if (text.Length == 0) return;
            blocks.Add(new TextBlock(text, _role));
        }

        /// <summary>A paragraph that is nothing but bold text reads as a heading ("Question 1a").</summary>
        private static bool IsAllBold(IElement p)
        {
            var all = DocumentText.Collapse(p.TextContent);
            if (all.Length == 0) return false;
            var bold = DocumentText.Collapse(string.Concat(p.QuerySelectorAll("strong, b").Where(b => b.ParentElement?.Closest("strong, b") is null).Select(b => b.TextContent + " ")));
            return bold == all;
        }
    }

    /// <summary>The table's grid: header rows (thead, rows of th) first, then body rows, then footer rows; merged cells spread out.</summary>
    private static TableBlock ToTable(IHtmlTableElement table)
    {
        var own = table.QuerySelectorAll("tr").Where(tr => tr.Closest("table") == table).ToList();
        var head = own.Where(tr => tr.ParentElement?.LocalName == "thead").ToList();
        var foot = own.Where(tr => tr.ParentElement?.LocalName == "tfoot").ToList();
        var ordered = head.Concat(own.Where(tr => !head.Contains(tr) && !foot.Contains(tr))).Concat(foot).ToList();

        var grid = new List<List<DocumentCell>>();
        var pending = new Dictionary<int, (string Text, int Left)>(); // column -> text spanning down, rows left
        var headerRows = head.Count;
        var markupSaysHeader = head.Count > 0;
        for (var r = 0; r < ordered.Count; r++)
        {
            var tr = ordered[r];
            var row = new List<DocumentCell>();
            var column = 0;
            void FillFromAbove()
            {
                while (pending.TryGetValue(column, out var p))
                {
                    row.Add(new DocumentCell(p.Text, CellSpan.FromAbove));
                    if (p.Left <= 1) pending.Remove(column);
                    else pending[column] = (p.Text, p.Left - 1);
                    column++;
                }
            }
            var cells = tr.Children.Where(c => c.LocalName is "td" or "th" && !IsHidden(c)).ToList();
            foreach (var cell in cells)
            {
                FillFromAbove();
                var text = CellText(cell);
                var colspan = Math.Clamp(Span(cell.GetAttribute("colspan")), 1, 1000);
                var rowspan = Span(cell.GetAttribute("rowspan"));
                if (rowspan == 0) rowspan = ordered.Count - r; // "0": to the end of the table
                rowspan = Math.Clamp(rowspan, 1, ordered.Count - r);
                for (var i = 0; i < colspan; i++)
                {
                    row.Add(new DocumentCell(text, i == 0 ? CellSpan.Own : CellSpan.FromLeft));
                    if (rowspan > 1) pending[column] = (text, rowspan - 1);
                    column++;
                }
            }
            FillFromAbove();
            // Spans from above that reach past this row's last cell.
            foreach (var c in pending.Keys.Where(k => k >= column).Order().ToList())
            {
                while (row.Count < c) row.Add(new DocumentCell(""));
                var p = pending[c];
                row.Add(new DocumentCell(p.Text, CellSpan.FromAbove));
                if (p.Left <= 1) pending.Remove(c);
                else pending[c] = (p.Text, p.Left - 1);
            }
            grid.Add(row);
            if (!markupSaysHeader && r == headerRows && cells.Count > 0 && cells.All(c => c.LocalName == "th")) headerRows++;
        }
        var caption = table.Caption is { } cap ? DocumentText.Collapse(CellText(cap)) : "";
        return new TableBlock(DocumentText.Square(grid), headerRows > 0 ? headerRows : -1, caption);
    }

    private static int Span(string? attribute) =>
        int.TryParse(attribute?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>A cell's text: line breaks and block boundaries become spaces; hidden parts and scripts are left out.</summary>
    private static string CellText(IElement cell)
    {
        var sb = new StringBuilder();
        void Add(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement e)
                {
                    if (Skipped.Contains(e.LocalName) || IsHidden(e)) continue;
                    var block = BlockLevel.Contains(e.LocalName);
                    if (block) sb.Append(' ');
                    Add(e);
                    if (block) sb.Append(' ');
                }
                else if (child.NodeType == NodeType.Text)
                {
                    sb.Append(child.TextContent);
                }
            }
        }
        Add(cell);
        return DocumentText.Collapse(sb.ToString());
    }
}
