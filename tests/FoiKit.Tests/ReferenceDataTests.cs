using System.Globalization;
using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// Every reference file loads and is internally consistent. The checks read the CSV rows
/// themselves, so they do not only restate what the loaders do.
/// </summary>
public class ReferenceDataTests
{
    private static CsvFile Csv(string name) => CsvFile.Load(Path.Combine(Repo.Data, "reference", name));

    private static string[] Column(CsvFile csv, string column) => csv.Rows.Select(r => csv.Get(r, column)).ToArray();

    [Fact]
    public void The_whole_reference_folder_loads()
    {
        var reference = ReferenceData.Load(Path.Combine(Repo.Data, "reference"));

        Assert.Equal(44, reference.Forces.All.Count);
        Assert.Equal(154, reference.Offences.Codes.Count);
        Assert.Equal(26, reference.Outcomes.Types.Count);
        Assert.Equal(129, reference.Population.Rows.Count); // the BTP row has no population and is left out
    }

    [Fact]
    public void Forces_csv_has_44_forces_with_unique_ids_names_and_ons_codes()
    {
        var csv = Csv("forces.csv");
        var ids = Column(csv, "force_id");
        var ons = Column(csv, "ons_code").Where(c => c.Length > 0).ToArray();

        Assert.Equal(44, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(44, Column(csv, "official_name").Distinct().Count());
        Assert.Equal(43, ons.Length); // every territorial force; BTP has no police force area
        Assert.Equal(ons.Length, ons.Distinct().Count());
        Assert.All(ons, code => Assert.Matches("^(E23|W15)[0-9]{6}$", code));
        Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z]+)*$", id));
        Assert.Equal(43, Column(csv, "is_territorial").Count(t => t == "yes"));
        var btp = Assert.Single(csv.Rows, r => csv.Get(r, "is_territorial") == "no");
        Assert.Equal("btp", csv.Get(btp, "force_id"));
        Assert.Equal("", csv.Get(btp, "ons_code"));
        Assert.Equal(4, Column(csv, "country").Count(c => c == "Wales"));
    }

    [Fact]
    public void Every_offence_subgroup_belongs_to_exactly_one_group()
    {
        var csv = Csv("offences.csv");

        var groupsBySubgroup = csv.Rows.Where(r => csv.Get(r, "offence_subgroup").Length > 0)
            .GroupBy(r => csv.Get(r, "offence_subgroup"))
            .ToDictionary(g => g.Key, g => g.Select(r => csv.Get(r, "offence_group")).Distinct().ToList());

        Assert.NotEmpty(groupsBySubgroup);
        Assert.All(groupsBySubgroup, kv => Assert.True(kv.Value.Count == 1, $"subgroup '{kv.Key}' is in groups {string.Join(", ", kv.Value)}"));
        Assert.Equal(groupsBySubgroup.ToDictionary(kv => kv.Key, kv => kv.Value[0]), Kit.Reference.Offences.Subgroups);
    }

    [Fact]
    public void Offence_codes_are_unique_and_every_row_has_a_description_and_group()
    {
        var csv = Csv("offences.csv");
        var codes = Column(csv, "ho_code").Where(c => c.Length > 0).ToArray();

        Assert.Equal(154, csv.Rows.Count);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(csv.Rows, r => Assert.NotEqual("", csv.Get(r, "offence_description")));
        Assert.All(csv.Rows, r => Assert.NotEqual("", csv.Get(r, "offence_group")));
        Assert.All(codes, c => Assert.NotNull(Kit.Reference.Offences.FindCode(c)));
    }

    [Fact]
    public void Every_outcome_type_has_a_kit_broad_group_and_unique_code()
    {
        var csv = Csv("outcomes.csv");
        var codes = Column(csv, "outcome_code");

        Assert.Equal(26, codes.Length);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var expected = Enumerable.Range(0, 23).Select(i => i.ToString(CultureInfo.InvariantCulture)).Concat(["1A", "2A", "3A"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, codes.Order(StringComparer.Ordinal));
        Assert.All(csv.Rows, r => Assert.True(csv.Get(r, "kit_broad_group").Length > 0, $"outcome {csv.Get(r, "outcome_code")} has no kit broad group"));
        Assert.All(csv.Rows, r => Assert.NotEqual("", csv.Get(r, "outcome_short_name")));
    }

    [Fact]
    public void Outcome_subtypes_point_at_a_parent_in_the_same_groups()
    {
        var types = Kit.Reference.Outcomes.Types;
        var subtypes = types.Where(t => t.ParentCode.Length > 0).ToList();

        Assert.Equal(["1A", "2A", "3A"], subtypes.Select(t => t.Code).Order(StringComparer.Ordinal));
        foreach (var sub in subtypes)
        {
            var parent = Kit.Reference.Outcomes.FindCode(sub.ParentCode);
            Assert.NotNull(parent);
            Assert.Equal(parent.HoGroup, sub.HoGroup);
            Assert.Equal(parent.BroadGroup, sub.BroadGroup);
        }
    }

    [Fact]
    public void Every_offence_alias_points_at_an_existing_code_subgroup_or_group_and_resolves_to_it()
    {
        var offences = Csv("offences.csv");
        var aliases = Csv("offence_aliases.csv");
        var codes = Column(offences, "ho_code").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var subgroups = Column(offences, "offence_subgroup").ToHashSet(StringComparer.Ordinal);
        var groups = Column(offences, "offence_group").ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(aliases.Rows);
        foreach (var row in aliases.Rows)
        {
            var (label, level, target) = (aliases.Get(row, "label"), aliases.Get(row, "level"), aliases.Get(row, "target"));
            var exists = level switch
            {
                "code" => codes.Contains(target),
                "subgroup" => subgroups.Contains(target),
                "group" => groups.Contains(target),
                _ => false,
            };
            Assert.True(exists, $"offence alias '{label}' points at {level} '{target}', which offences.csv does not have");
            var resolved = Kit.Reference.Offences.FindName(label);
            Assert.NotNull(resolved);
            Assert.Equal(level, resolved.Level.ToContract());
            Assert.Equal(target, level == "code" ? resolved.Code : resolved.Name);
        }
    }

    [Fact]
    public void Every_outcome_alias_points_at_an_existing_type_or_group_and_resolves_to_it()
    {
        var outcomes = Csv("outcomes.csv");
        var aliases = Csv("outcome_aliases.csv");

        Assert.NotEmpty(aliases.Rows);
        foreach (var row in aliases.Rows)
        {
            var (label, level, target) = (aliases.Get(row, "label"), aliases.Get(row, "level"), aliases.Get(row, "target"));
            var column = level switch
            {
                "code" => "outcome_code",
                "subgroup" => "ho_outcome_group",
                "group" => "kit_broad_group",
                _ => throw new InvalidDataException($"outcome alias '{label}' has level '{level}'"),
            };
            Assert.True(Column(outcomes, column).Any(v => v.TrimEnd('.') == target), $"outcome alias '{label}' points at {level} '{target}', which outcomes.csv does not have");
            var resolved = Kit.Reference.Outcomes.FindName(label);
            Assert.NotNull(resolved);
            Assert.Equal(level, resolved.Level.ToContract());
            Assert.Equal(target, level == "code" ? resolved.Code : resolved.Name);
        }
    }

    [Fact]
    public void Population_has_43_forces_times_three_years_matching_forces_csv()
    {
        var forces = Csv("forces.csv");
        var onsById = forces.Rows.ToDictionary(r => forces.Get(r, "force_id"), r => forces.Get(r, "ons_code"));
        var csv = Csv("force_population.csv");
        var withPopulation = csv.Rows.Where(r => csv.Get(r, "population").Length > 0).ToList();

        Assert.Equal(129, withPopulation.Count);
        Assert.Equal(43, withPopulation.Select(r => csv.Get(r, "force_id")).Distinct().Count());
        Assert.Equal(129, withPopulation.Select(r => (csv.Get(r, "force_id"), csv.Get(r, "mid_year"))).Distinct().Count());
        Assert.Equal(["2022", "2023", "2024"], withPopulation.Select(r => csv.Get(r, "mid_year")).Distinct().Order(StringComparer.Ordinal));
        foreach (var r in withPopulation)
        {
            var id = csv.Get(r, "force_id");
            Assert.True(onsById.ContainsKey(id), $"force_population.csv names '{id}', which forces.csv does not have");
            Assert.Equal(onsById[id], csv.Get(r, "ons_code"));
            Assert.True(long.Parse(csv.Get(r, "population"), NumberStyles.None, CultureInfo.InvariantCulture) > 1_000); // the City of London is small
        }
        var btp = Assert.Single(csv.Rows, r => csv.Get(r, "population").Length == 0);
        Assert.Equal("btp", csv.Get(btp, "force_id"));
    }

    [Theory]
    [InlineData(2024, 61_806_682L)]
    [InlineData(2023, 60_854_727L)]
    [InlineData(2022, 60_245_218L)]
    public void Force_populations_add_up_to_the_england_and_wales_totals_in_sources_md(int midYear, long total)
    {
        var sources = File.ReadAllText(Path.Combine(Repo.Data, "reference", "SOURCES.md"));
        Assert.Contains(total.ToString("N0", CultureInfo.InvariantCulture), sources, StringComparison.Ordinal);

        var sum = Kit.Reference.Population.Rows.Where(r => r.MidYear == midYear).Sum(r => r.Population);

        Assert.Equal(total, sum);
        Assert.Equal(43, Kit.Reference.Population.Rows.Count(r => r.MidYear == midYear));
        Assert.NotNull(Kit.Reference.Population.Find("dorset", midYear));
    }

    [Fact]
    public void Sources_md_row_counts_match_the_files()
    {
        var sources = File.ReadAllText(Path.Combine(Repo.Data, "reference", "SOURCES.md"));
        var documented = Regex.Matches(sources, @"^\|\s*`(?<file>[a-z_]+\.csv)`\s*\|\s*(?<rows>\d+)\s*\|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["file"].Value, m => int.Parse(m.Groups["rows"].Value, CultureInfo.InvariantCulture));

        Assert.Equal(["force_population.csv", "forces.csv", "offences.csv", "outcomes.csv"], documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, rows) in documented)
            Assert.Equal(rows, Csv(file).Rows.Count);
    }

    [Fact]
    public void The_request_definition_loads_with_its_three_questions()
    {
        var request = Kit.Data.FindRequest(Kit.RequestId);

        Assert.NotNull(request);
        Assert.Equal(["1", "1a", "1b"], request.Questions.Keys.Order(StringComparer.Ordinal));
        var q1 = request.Questions["1"];
        Assert.Equal(Measure.Offences, q1.Measure);
        Assert.Equal(PeriodBasis.TaxYear, q1.RequestedBasis);
        Assert.Equal(["2021/22", "2022/23", "2023/24"], q1.Periods.Select(p => p.Label));
        Assert.Equal(new FinancialYear(2023), request.Questions["1a"].Period);
        Assert.Equal(Measure.Outcomes, request.Questions["1b"].Measure);
        Assert.Equal(PeriodBasis.TaxYear, request.RequestedBasis);
    }

    [Fact]
    public void The_data_folder_is_found_from_inside_the_repository()
    {
        var found = KitData.LocateDataFolder(Path.Combine(Repo.Root, "src", "FoiKit"));

        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found, "reference", "forces.csv")));
    }
}
