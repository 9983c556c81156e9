namespace FoiKit.Model;

/// <summary>How far a category label was resolved against the Home Office lists.</summary>
public enum CategoryLevel
{
    /// <summary>To one offence code (8L) or outcome type (16).</summary>
    Code,
    /// <summary>To an offence subgroup, or a Home Office outcome group.</summary>
    Subgroup,
    /// <summary>To an offence group, or the kit's broad outcome group.</summary>
    Group,
    /// <summary>Kept as printed; not matched to anything (never guessed).</summary>
    Unresolved,
}

public static class CategoryLevelNames
{
    public static string ToContract(this CategoryLevel value) => ContractNames<CategoryLevel>.Of(value);

    public static bool TryParse(string? text, out CategoryLevel level) => ContractNames<CategoryLevel>.TryParse(text, CategoryLevel.Unresolved, out level);
}

/// <summary>
/// An offence or outcome category: the label as printed and what it resolved to.
/// For offences Subgroup/Group are the Home Office offence subgroup and group; for outcomes
/// they are the Home Office outcome group and the kit's broad group.
/// </summary>
public sealed record Category(
    string Label,
    CategoryLevel Level,
    string Code,
    string Name,
    string Subgroup,
    string Group)
{
    /// <summary>No category (a by-period figure).</summary>
    public static readonly Category None = new("", CategoryLevel.Unresolved, "", "", "", "");

    public static Category Unresolved(string label) => new(label, CategoryLevel.Unresolved, "", "", "", "");

    public bool IsNone => Label.Length == 0;
}
