using FoiKit.Notebooks;
using FoiKit.Pipeline;
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

/// <summary>
/// What notebook 01 follows: a force and an article. A study without claims (reproduce passes no article) still has
/// a focus, the force's own figures; an article named that has no claims is refused, naming the articles there are.
/// </summary>
public sealed class ArticleFocusTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "foi-focus-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Study SyntheticStudy(bool withClaims)
    {
        var folder = SyntheticStudyFolder.Write(Path.Combine(_dir, "north"), withSources: false);
        if (!withClaims) Directory.Delete(Path.Combine(folder, "claims"), recursive: true);
        return Study.Load(folder);
    }

    [Fact]
    public void A_study_without_claims_gives_the_forces_figures_and_says_there_is_no_article()
    {
        var focus = ArticleFocus.Of(SyntheticStudy(withClaims: false), "Northumbria", "");

        Assert.Empty(focus.Claims);
        Assert.Null(focus.First(FoiKit.Model.ClaimKind.GrowthPct));
        Assert.StartsWith("No article: the study holds no claims", focus.Summary(), StringComparison.Ordinal);
        Assert.NotNull(focus.Profile);
        Assert.Empty(focus.WhatCanBeSaid());
    }

    [Fact]
    public void An_article_without_claims_is_refused_naming_the_articles_there_are()
    {
        var study = SyntheticStudy(withClaims: true);

        var e = Assert.Throws<ArgumentException>(() => ArticleFocus.Of(study, "Northumbria", "no-such-article"));

        Assert.Contains(SyntheticStudyFolder.ArticleId, e.Message, StringComparison.Ordinal);
    }
}
