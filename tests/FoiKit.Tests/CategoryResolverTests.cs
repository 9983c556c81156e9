using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Reference;

namespace FoiKit.Tests;

public class CategoryResolverTests
{
    private const string Vap = "Violence against the person";
    private const string StalkingAndHarassment = "Stalking and harassment";

    private static readonly CategoryResolver Resolver = new(Kit.Reference);

    private static Category Offence(string label)
    {
        lock (Resolver) return Resolver.Resolve(label, Measure.Offences);
    }

    private static Category Outcome(string label)
    {
        lock (Resolver) return Resolver.Resolve(label, Measure.Outcomes);
    }

    [Theory]
    [InlineData("8L - Harassment")]
    [InlineData("8L Harassment")]
    [InlineData("8L: Harassment")]
    [InlineData("8L")]
    [InlineData("Harassment (8L)")]
    [InlineData("Harassment")]
    [InlineData("HARASSMENT")]
    public void Harassment_in_every_printed_form_resolves_to_8L(string label)
    {
        var c = Offence(label);

        Assert.Equal(new Category(label, CategoryLevel.Code, "8L", "Harassment", StalkingAndHarassment, Vap), c);
    }

    [Theory]
    [InlineData("Malicious Communications", "8R", "Malicious Communications", StalkingAndHarassment, Vap)]
    [InlineData("Stalking", "8Q", "Stalking", StalkingAndHarassment, Vap)]
    [InlineData("Blackmail", "35", "Blackmail", "Other theft offences", "Theft offences")]
    [InlineData("Obscene publications", "86", "Obscene publications etc", "Miscellaneous crimes against society", "Miscellaneous crimes against society")]
    [InlineData("4/4 Causing death by dangerous driving", "4.4", "Causing death by dangerous driving", "Death or serious injury - unlawful driving", Vap)]
    [InlineData("Racially or religiously aggravated harassment", "8M", "Racially or religiously aggravated harassment", StalkingAndHarassment, Vap)]
    public void Official_names_and_codes_resolve_to_the_code_with_subgroup_and_group(string label, string code, string name, string subgroup, string group)
    {
        Assert.Equal(new Category(label, CategoryLevel.Code, code, name, subgroup, group), Offence(label));
    }

    [Fact]
    public void A_name_ending_in_etc_matches_without_the_etc_even_with_no_alias_list()
    {
        // The kit's rule: "Obscene publications etc" also answers to "Obscene publications".
        var bare = new OffenceCatalogue(Kit.Reference.Offences.Codes, []);

        var found = bare.FindName("Obscene publications");

        Assert.NotNull(found);
        Assert.Equal("86", found.Code);
        Assert.Equal(CategoryLevel.Code, found.Level);
    }

    [Fact]
    public void A_subgroup_label_resolves_to_the_subgroup_and_its_group()
    {
        var c = Offence("Stalking and harassment");

        Assert.Equal(CategoryLevel.Subgroup, c.Level);
        Assert.Equal("", c.Code);
        Assert.Equal(StalkingAndHarassment, c.Name);
        Assert.Equal(StalkingAndHarassment, c.Subgroup);
        Assert.Equal(Vap, c.Group);
    }

    [Fact]
    public void A_group_label_resolves_to_the_group_only()
    {
        var c = Offence("Violence Against The Person");

        Assert.Equal(new Category("Violence Against The Person", CategoryLevel.Group, "", Vap, "", Vap), c);
    }

    [Theory]
    [InlineData("Widget crime")]
    [InlineData("violent crimes")]
    [InlineData("99Z - Not a code")]
    public void Anything_else_is_kept_as_printed_and_unresolved(string label)
    {
        Assert.Equal(Category.Unresolved(label), Offence(label));
    }

    [Fact]
    public void An_empty_label_is_no_category()
    {
        Assert.True(Offence("  ").IsNone);
    }

    [Theory]
    [InlineData("Outcome 16")]
    [InlineData("OC16")]
    [InlineData("OC 16")]
    [InlineData("16 - Evidential difficulties: suspect identified; victim does not support further action")]
    [InlineData("16")]
    [InlineData("Evidential difficulties: suspect identified; victim does not support further action")]
    [InlineData("Named Suspect Identified: Evidential Difficulties - Victim Does Not Support Police Action")]
    public void Outcome_16_in_every_printed_form_resolves_to_its_type_group_and_broad_group(string label)
    {
        var c = Outcome(label);

        Assert.Equal(CategoryLevel.Code, c.Level);
        Assert.Equal("16", c.Code);
        Assert.Equal("Evidential difficulties: suspect identified; victim does not support further action", c.Name);
        Assert.Equal("Evidential difficulties (victim does not support action)", c.Subgroup);
        Assert.Equal("evidential difficulties", c.Group);
        Assert.Equal(label, c.Label);
    }

    [Fact]
    public void Every_foi_wording_listed_in_outcomes_csv_resolves_to_its_own_type()
    {
        var types = Kit.Reference.Outcomes.Types;
        var checkedLabels = 0;
        foreach (var type in types)
        {
            foreach (var label in type.FoiLabels)
            {
                var c = Outcome(label);
                Assert.True(c.Level == CategoryLevel.Code && c.Code == type.Code, $"'{label}' resolved to {c.Level} {c.Code}, not outcome {type.Code}");
                Assert.Equal(type.BroadGroup, c.Group);
                checkedLabels++;
            }
        }
        Assert.True(checkedLabels >= 20, $"only {checkedLabels} FOI wordings in outcomes.csv");
    }

    [Theory]
    [InlineData("Charged/Summonsed", "1", "charge/summons")]
    [InlineData("Outcome 1A", "1A", "charge/summons")]
    [InlineData("Community resolution", "8", "out-of-court disposal (informal)")]
    [InlineData("OC18", "18", "no suspect identified")]
    [InlineData("Outcome 0", "0", "not yet assigned / investigation ongoing")]
    [InlineData("Transferred to External Agency", "20", "other body/agency")]
    public void Official_names_and_numbers_of_other_outcomes_resolve(string label, string code, string broadGroup)
    {
        var c = Outcome(label);

        Assert.Equal(CategoryLevel.Code, c.Level);
        Assert.Equal(code, c.Code);
        Assert.Equal(broadGroup, c.Group);
    }

    [Fact]
    public void A_home_office_outcome_group_resolves_to_subgroup_level_with_its_broad_group()
    {
        var c = Outcome("Out-of-court (formal)");

        Assert.Equal(new Category("Out-of-court (formal)", CategoryLevel.Subgroup, "", "Out-of-court (formal)", "Out-of-court (formal)", "out-of-court disposal (formal)"), c);
    }

    [Fact]
    public void A_kit_broad_group_resolves_to_group_level()
    {
        var c = Outcome("Evidential difficulties");

        Assert.Equal(new Category("Evidential difficulties", CategoryLevel.Group, "", "evidential difficulties", "", "evidential difficulties"), c);
    }

    [Theory]
    [InlineData("Outcome 99")]
    [InlineData("Sent a strongly worded letter")]
    public void Unknown_outcomes_are_unresolved(string label)
    {
        Assert.Equal(Category.Unresolved(label), Outcome(label));
    }

    [Fact]
    public void Offence_codes_are_not_read_as_outcomes_and_outcome_numbers_not_as_offences()
    {
        Assert.Equal(CategoryLevel.Unresolved, Outcome("8L - Harassment").Level);
        Assert.Equal(CategoryLevel.Unresolved, Offence("OC16").Level);
    }
}
