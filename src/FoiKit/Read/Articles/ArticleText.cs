namespace FoiKit.Read.Articles;

/// <summary>What a block of an article is: its headline (or a sub-heading), or running text.</summary>
internal enum ArticleBlockRole
{
    Heading,
    Paragraph,
}

/// <summary>One block of an article's body, its text collapsed to single spaces.</summary>
internal sealed record ArticleBlock(string Text, ArticleBlockRole Role);

/// <summary>A block of the page that is not the article (navigation, an advert, a sign-up box), and why it was left out.</summary>
internal sealed record LeftOutBlock(string Text, string Why);

/// <summary>
/// An article as published, reduced to its body: the headline and paragraphs in reading order,
/// and every block of page furniture that was left out, with the reason, so that what was not
/// read can be counted.
/// </summary>
/// <param name="File">The file as given.</param>
/// <param name="Format">"txt", "md" or "html".</param>
internal sealed record ArticleText(string File, string Format, IReadOnlyList<ArticleBlock> Blocks, IReadOnlyList<LeftOutBlock> LeftOut);
