using System.Text.RegularExpressions;

namespace FoiKit.Read.Articles;

/// <summary>
/// Blocks of text that news pages print around an article and that are not the article: adverts,
/// sign-up boxes, "read more" links, TV channel promotions, reading times, image credits, bylines
/// and datelines. The same rules serve a web page, a Markdown file and plain text copied from a
/// page, since a copy keeps the furniture's words even when it loses the markup.
/// </summary>
/// <remarks>
/// Only short blocks are judged here (a real paragraph that mentions a newsletter is still a
/// paragraph); numbers inside the paragraphs that are read are judged one by one by the drafter.
/// </remarks>
internal static partial class ArticleFurniture
{
    /// <summary>Longer blocks are article text whatever words they use.</summary>
    private const int MaxWords = 30;

    /// <summary>Why a block is page furniture, or null when it is article text.</summary>
    public static string? Why(string block)
    {
        var text = block.Trim();
        if (text.Length == 0) return null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > MaxWords) return null;
        // A block that prints a count of offences or crimes is article text, whatever else it says.
        if (Figure().IsMatch(text)) return null;
        if (Advert().IsMatch(text)) return "an advert";
        if (ReadingTime().IsMatch(text)) return "a reading time";
        if (Channel().IsMatch(text)) return "a promotion for a TV channel";
        if (SignUp().IsMatch(text)) return "a sign-up or subscription box";
        if (Related().IsMatch(text)) return "a link to other articles";
        if (Credit().IsMatch(text)) return "an image credit or caption";
        if (Byline().IsMatch(text)) return "a byline or dateline";
        if (Share().IsMatch(text)) return "sharing and comment links";
        return null;
    }

    [GeneratedRegex(@"\d[\d,]*\s+(?:\S+\s+){0,3}(?:offences|offence|crimes|crime|cases|incidents|charges)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    [GeneratedRegex(@"^(?:advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|partnership)|article continues (?:below|after (?:this )?advertisement)|story continues below)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Advert();

    [GeneratedRegex(@"^\W*\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read\W*$|^\W*(?:reading time|read time)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"\b(?:freeview|freesat|sky|virgin media)\s+(?:channel\s+)?\d+|\bchannel\s+\d+\b.*\b(?:watch|tv|live)\b|\b(?:watch|tv)\b.*\bchannel\s+\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Channel();

    [GeneratedRegex(@"\b(?:sign up|sign-up|signup|subscribe|subscription|newsletters?|register (?:for|now)|get (?:the latest|our)\b.*\b(?:inbox|emails?|alerts?)|delivered (?:straight )?to your inbox|enter your email)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignUp();

    [GeneratedRegex(@"^\W*(?:read more|read next|related(?: articles| stories| content| links)?|more (?:on this story|stories|from)|you (?:may|might) also like|most read|trending|recommended(?: for you)?|see also|also read|popular)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Related();

    [GeneratedRegex(@"^\W*(?:photo|picture|pic|image|credit|photograph|illustration|graphic)s?\s*(?:credit)?\s*[:\-\u2013|]|\b(?:getty images|pa wire|pa media|shutterstock|alamy|stock image|stock photo)\b|^\W*\((?:photo|picture|image)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^\W*(?:(?-i:[Bb]y\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3})\s*$|(?:published|updated|posted|first published|last updated)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\W*(?:share(?: this (?:article|story))?|comments?|\d+\s+comments?|follow us\b.*|click here\b.*|copy link|email|facebook|twitter|whatsapp)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Share();
}
