using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Analyse;

/// <summary>What printed category figures of one measure and year can add up to when some may count the same offences.</summary>
/// <param name="Min">The fewest offences (or outcomes) they can cover together: overlapping figures counted inside each other.</param>
/// <param name="Max">The most: no figure overlaps another (their sum).</param>
/// <param name="Why">Which figures may overlap and why; empty when none may.</param>
internal sealed record CategoryUnion(long Min, long Max, string Why)
{
    /// <summary>The reasons and the range they give, for a verdict's note; empty when nothing may overlap.</summary>
    public string Note => Why.Length == 0 ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{Why}, so together they cover {Min} to {Max}, not simply {Max}");
}

/// <summary>
/// Which printed categories may overlap. Home Office categories at different levels overlap only when
/// one contains the other (a subgroup and a code inside it); categories side by side at any level do
/// not (an offence is recorded under one code, an outcome is one type). A label that is no Home Office
/// category ("violent crimes") covers something unknown, so it may overlap any other figure: it may
/// hold all of "stalking and harassment", part of it, or none. Sums over such figures are ranges.
/// </summary>
internal static class CategoryOverlap
{
    /// <summary>True when <paramref name="outer"/> holds every offence of <paramref name="inner"/> (the same category included).</summary>
    public static bool Contains(Category outer, Category inner) => outer.Level switch
    {
        CategoryLevel.Code => inner.Level == CategoryLevel.Code && inner.Code == outer.Code,
        CategoryLevel.Subgroup => inner.Level is CategoryLevel.Code or CategoryLevel.Subgroup && inner.Subgroup.Length > 0 && inner.Subgroup == outer.Subgroup,
        CategoryLevel.Group => inner.Level != CategoryLevel.Unresolved && inner.Group.Length > 0 && inner.Group == outer.Group,
        _ => false,
    };

    /// <summary>True when two printed categories may count some of the same offences.</summary>
    public static bool MayOverlap(Category a, Category b) =>
        a.Level == CategoryLevel.Unresolved || b.Level == CategoryLevel.Unresolved || Contains(a, b) || Contains(b, a);

    /// <summary>
    /// The fewest and most the figures with a value can cover together. The fewest is the largest sum of
    /// figures no two of which may overlap: a label that is no Home Office category may lie inside the
    /// others, and a category inside another printed one adds nothing to it.
    /// </summary>
    public static CategoryUnion Of(IReadOnlyList<Figure> parts)
    {
        var known = parts.Where(p => p.Value is not null).ToList();
        var max = known.Sum(p => p.Value!.Value);
        var unresolved = known.Where(p => p.Category.Level == CategoryLevel.Unresolved).ToList();
        var resolved = known.Where(p => p.Category.Level != CategoryLevel.Unresolved).ToList();

        // Home Office categories nest (group > subgroup > code): each figure hangs under the most
        // specific printed figure that contains it, and a subtree covers at least the larger of its
        // own figure and what its children cover.
        var order = resolved.OrderBy(p => p.Category.Level switch { CategoryLevel.Group => 0, CategoryLevel.Subgroup => 1, _ => 2 }).ToList();
        var parent = new int[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            parent[i] = -1;
            for (var j = 0; j < i; j++)
                if (Contains(order[j].Category, order[i].Category) && (parent[i] < 0 || Contains(order[parent[i]].Category, order[j].Category)))
                    parent[i] = j;
        }
        var best = new long[order.Count];
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var children = Enumerable.Range(0, order.Count).Where(k => parent[k] == i).Sum(k => best[k]);
            best[i] = Math.Max(order[i].Value!.Value, children);
        }
        var resolvedMin = Enumerable.Range(0, order.Count).Where(k => parent[k] < 0).Sum(k => best[k]);
        var min = Math.Max(resolvedMin, unresolved.Count == 0 ? 0 : unresolved.Max(p => p.Value!.Value));

        var notes = new List<string>();
        foreach (var u in unresolved)
            if (known.Count > 1)
                notes.Add($"'{u.Category.Label}' is not a Home Office category and may overlap the other figures");
        for (var i = 0; i < order.Count; i++)
            if (parent[i] >= 0)
                notes.Add($"'{order[i].Category.Label}' is part of '{order[parent[i]].Category.Label}'");
        return new CategoryUnion(min, max, string.Join("; ", notes));
    }
}
