using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FoiKit.Model;
using FoiKit.Read.Documents;

namespace FoiKit.Read.Articles;

/// <summary>
/// Reads a news article as published, from plain text, Markdown or the web page itself, into its
/// headline and paragraphs. On a web page the article body is found among the page's furniture:
/// the element the page marks as the body (<c>itemprop=articleBody</c>), else the <c>article</c>
/// with the most text, else <c>main</c>, else the block with the most paragraph text. Inside it,
/// navigation, asides, footers, forms, figures and their credits, "related articles", sign-up and
/// advert blocks are left out. Markdown is rendered to HTML (Markdig) and read the same way.
/// </summary>
/// <remarks>
/// Our own walk over AngleSharp's document rather than a readability library (SmartReader is on
/// the package list): a reviewer must be able to count what was not read, so every block left out
/// is kept with its reason, which a readability port throws away; and its scoring drops short
/// paragraphs, which in these articles are often the ones holding a single figure.
/// </remarks>
internal static partial class ArticleReader
{
    /// <summary>The extensions read, and the format each names.</summary>
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => "txt",
        ".md" or ".markdown" => "md",
        ".html" or ".htm" => "html",
        _ => null,
    };

    private static readonly HashSet<string> NotText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "audio", "video", "map", "head",
        "button", "select", "option", "textarea", "input", "img", "picture", "source", "link", "meta",
    };

    private static readonly HashSet<string> BlockLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "address", "figure", "figcaption", "hr", "br", "tr", "td", "th", "table", "caption", "body", "form", "fieldset",
        "legend", "details", "summary",
    };

    /// <summary>Reads one article; a file that cannot be one gets a sentence naming it.</summary>
    public static Parsed<ArticleText> Read(string path)
    {
        var format = FormatOf(path);
        if (format is null)
            return Parsed<ArticleText>.Fail($"{path}: not an article this reader takes (a .txt, .md or .html file)");
        byte[] bytes;
        try
        {
            if (Directory.Exists(path)) return Parsed<ArticleText>.Fail($"{path}: is a folder, not an article");
            if (!File.Exists(path)) return Parsed<ArticleText>.Fail($"{path}: no such file");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<ArticleText>.Fail($"{path}: cannot be read ({e.Message})");
        }
        if (bytes.Length == 0) return Parsed<ArticleText>.Fail($"{path}: the file is empty");
        if (LooksBinary(bytes))
            return Parsed<ArticleText>.Fail($"{path}: this is not an article's text (the file holds binary data): is it a PDF, Word file or image?");
        var text = Decode(bytes);
        var article = format switch
        {
            "txt" => FromPlainText(path, text),
            "md" => FromHtml(path, "md", Markdig.Markdown.ToHtml(text)),
            _ => FromHtml(path, "html", text),
        };
        if (article.Blocks.Count == 0)
            return Parsed<ArticleText>.Fail($"{path}: no article text found{(article.LeftOut.Count > 0 ? " (only page furniture: navigation, adverts, links)" : "")}");
        return Parsed<ArticleText>.Success(article);
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>NUL bytes in the first 8 kB, or the signature of a PDF or a zip (Word) file.</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return false;
        if (bytes.Length >= 4 && ((bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') || (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)))
            return true;
        var n = Math.Min(bytes.Length, 8192);
        for (var i = 0; i < n; i++) if (bytes[i] == 0) return true;
        return false;
    }

    /// <summary>
    /// Plain text: paragraphs are separated by blank lines (lines inside one are joined); a text
    /// with no blank line has one paragraph a line, as a copy from a page usually does. A first
    /// paragraph with no closing full stop is the headline.
    /// </summary>
    internal static ArticleText FromPlainText(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var paragraphs = new List<string>();
        var blankSeparated = lines.Any(l => l.Trim().Length == 0) && lines.Count(l => l.Trim().Length > 0) > 1;
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0 || !blankSeparated)
            {
                if (current.Length > 0) paragraphs.Add(current.ToString());
                current.Clear();
                if (!blankSeparated && line.Trim().Length > 0) paragraphs.Add(line);
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(line.Trim());
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());

        var blocks = new List<ArticleBlock>();
        var leftOut = new List<LeftOutBlock>();
        foreach (var p in paragraphs.Select(DocumentText.Collapse).Where(p => p.Length > 0))
        {
            if (ArticleFurniture.Why(p) is { } why) leftOut.Add(new LeftOutBlock(p, why));
            else blocks.Add(new ArticleBlock(p, blocks.Count == 0 && !EndsSentence().IsMatch(p) ? ArticleBlockRole.Heading : ArticleBlockRole.Paragraph));
        }
        return new ArticleText(path, "txt", blocks, leftOut);
    }

    [GeneratedRegex(@"[.!?][""'\u201d\u2019)]*$")]
    private static partial Regex EndsSentence();

    /// <summary>A web page (or Markdown rendered to one): the article body, and the rest as left-out blocks.</summary>
    internal static ArticleText FromHtml(string path, string format, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var blocks = new List<ArticleBlock>();
        var leftOut = new List<LeftOutBlock>();
        var body = document.Body;
        if (body is null) return new ArticleText(path, format, blocks, leftOut);
        var root = FindBody(body);
        // The headline usually sits above the marked body, in the article's or the page's header.
        var headline = body.QuerySelectorAll("h1").FirstOrDefault(h => !root.Contains(h) && !IsHidden(h));
        new Walker(root, headline, blocks, leftOut).Walk(body, null);
        return new ArticleText(path, format, blocks, leftOut);
    }

    /// <summary>The element holding the article's body.</summary>
    private static IElement FindBody(IElement body)
    {
        var marked = body.QuerySelector("[itemprop~=articleBody], [itemprop~=articlebody]");
        if (marked is not null) return marked;
        var articles = body.QuerySelectorAll("article").Where(a => !IsHidden(a)).ToList();
        if (articles.Count > 0) return articles.OrderByDescending(ParagraphText).First();
        var main = body.QuerySelector("main, [role=main]");
        if (main is not null) return main;
        // By text density: the container whose own paragraphs hold the most text.
        var best = body.QuerySelectorAll("div, section, td").Select(e => (Element: e, Text: OwnParagraphText(e))).OrderByDescending(x => x.Text).FirstOrDefault();
        return best.Element is not null && best.Text > 0 ? best.Element : body;
    }

    private static int ParagraphText(IElement e) => e.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length);

    private static int OwnParagraphText(IElement e) => e.Children.Where(c => c.LocalName == "p").Sum(p => p.TextContent.Trim().Length);

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        if (string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = e.GetAttribute("style");
        return style is not null && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why an element inside the article body is furniture, from what it is and the names the page gives it; null when it is text.</summary>
    private static string? FurnitureElement(IElement e)
    {
        switch (e.LocalName)
        {
            case "nav": return "navigation";
            case "aside": return "a box beside the article (related links, adverts or promotions)";
            case "footer": return "the article's footer";
            case "form": return "a form (sign-up or search box)";
            case "figure" or "figcaption": return "a figure, its caption or credit";
        }
        var role = e.GetAttribute("role")?.ToLowerInvariant();
        if (role is "navigation" or "complementary" or "contentinfo" or "search" or "banner") return role == "banner" ? "the page header" : "navigation or page furniture";
        var names = ((e.GetAttribute("class") ?? "") + " " + (e.Id ?? "") + " " + (e.GetAttribute("data-component") ?? "")).ToLowerInvariant();
        if (names.Trim().Length == 0) return null;
        var tokens = NameTokens().Split(names).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        bool Any(params string[] ts) => ts.Any(tokens.Contains);
        if (Any("ad", "ads", "advert", "adverts", "advertisement", "adslot", "adunit", "dfp", "gpt", "mpu", "billboard", "sponsored", "outbrain", "taboola", "promo", "promotion"))
            return "an advert";
        if (Any("newsletter", "signup", "subscribe", "subscription", "registration", "paywall") || names.Contains("sign-up", StringComparison.Ordinal))
            return "a sign-up or subscription box";
        if (Any("related", "recommended", "recommendations", "more", "readmore", "trending", "mostread", "popular", "teaser", "teasers") || names.Contains("read-more", StringComparison.Ordinal)
            || names.Contains("most-read", StringComparison.Ordinal))
            return "a link to other articles";
        if (Any("share", "sharing", "social", "comments", "comment")) return "sharing and comment links";
        if (Any("byline", "author", "timestamp", "dateline", "date", "published", "meta")) return "a byline or dateline";
        if (Any("caption", "credit", "credits", "figcaption")) return "an image credit or caption";
        if (Any("breadcrumb", "breadcrumbs", "tags", "topics", "cookie", "cookies", "banner", "masthead", "menu", "footer", "sidebar", "nav"))
            return "navigation or page furniture";
        return null;
    }

    [GeneratedRegex(@"[\s_\-]+")]
    private static partial Regex NameTokens();

    [GeneratedRegex(@"^\W*(?:related|read more|more (?:on this|stories|from)|you (?:may|might) also like|most read|trending|recommended|see also|also read|popular)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedHeading();

    /// <summary>Walks the page in reading order; text runs become article blocks or left-out blocks.</summary>
    private sealed class Walker(IElement root, IElement? headline, List<ArticleBlock> blocks, List<LeftOutBlock> leftOut)
    {
        private readonly StringBuilder _run = new();
        private string? _runReason;
        private ArticleBlockRole _role = ArticleBlockRole.Paragraph;

        public void Walk(IElement element, string? reason)
        {
            if (NotText.Contains(element.LocalName)) return;
            var inside = root.Contains(element);
            if (IsHidden(element)) reason ??= "hidden on the page";
            // The headline is read even where it sits in the page's header; the rest outside the body is furniture.
            else if (ReferenceEquals(element, headline)) reason = null;
            else if (!inside && !element.Contains(root)) reason ??= OutsideReason(element);
            if (inside && !ReferenceEquals(element, root)) reason ??= FurnitureElement(element);
            if (reason is null && !ReferenceEquals(element, root) && element.Children.FirstOrDefault() is { } first && first.LocalName is "h2" or "h3" or "h4" or "h5" or "strong"
                && RelatedHeading().IsMatch(first.TextContent) && !element.Contains(root))
                reason = "a link to other articles";

            var block = BlockLevel.Contains(element.LocalName) || reason != _runReason;
            if (block) Flush();
            var savedRole = _role;
            if (element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") _role = ArticleBlockRole.Heading;
            _runReason = reason;
            string? siblingsReason = null;
            foreach (var child in element.ChildNodes)
            {
                if (child is IElement e)
                {
                    // A "Related" heading inside the body: it and the lists after it are links, up to the next heading.
                    if (e.LocalName is "h2" or "h3" or "h4" or "h5") siblingsReason = RelatedHeading().IsMatch(e.TextContent) ? "a link to other articles" : null;
                    Walk(e, reason ?? (siblingsReason is not null && e.LocalName is "h2" or "h3" or "h4" or "h5" or "ul" or "ol" or "p" ? siblingsReason : null));
                    _runReason = reason;
                }
                else if (child.NodeType == NodeType.Text)
                {
                    _run.Append(child.TextContent);
                }
            }
            if (block) Flush();
            _role = savedRole;
        }

        private static string OutsideReason(IElement e) => e.LocalName switch
        {
            "nav" => "navigation",
            "header" => "the page header",
            "footer" => "the page footer",
            "aside" => "a box beside the article (related links, adverts or promotions)",
            "form" => "a form (sign-up or search box)",
            _ => FurnitureElement(e) ?? "outside the article body",
        };

        private void Flush()
        {
            var text = DocumentText.Collapse(_run.ToString());
            _run.Clear();
            if (text.Length == 0) return;
            if (_runReason is not null) leftOut.Add(new LeftOutBlock(text, _runReason));
            else if (ArticleFurniture.Why(text) is { } why) leftOut.Add(new LeftOutBlock(text, why));
            else blocks.Add(new ArticleBlock(text, _role));
        }
    }
}
