using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Read;

namespace FoiKit.Tests;

/// <summary>
/// Claim values as printed (contract §4): the claims reader reads them with the value grammar, a value it
/// cannot read costs its claim (ambiguous, with the reason, and a warning naming the row), never the file.
/// Every claim here is SYNTHETIC, written for the test.
/// </summary>
public sealed class ClaimValueTests
{
    private const string Header = "claim_id,article_id,force,measure,kind,category_label,period_label,value,text";

    private static IReadOnlyList<Claim> Read(TempDir dir, params string[] rows)
    {
        var path = dir.Write("claims.csv", string.Join('\n', [Header, .. rows]) + "\n");
        var parsed = ClaimsReader.Read(path);
        Assert.True(parsed.Ok, parsed.Error);
        return parsed.Value!;
    }

    [Theory]
    [InlineData("at_least", "more than 500", 500)]       // "more than 500" still states 500
    [InlineData("count", "nine", 9)]                     // a number in words
    [InlineData("count", "no", 0)]                       // "no charges" printed as "no"
    [InlineData("count", "none", 0)]
    [InlineData("count", "three", 3)]
    [InlineData("total", "1,234", 1234)]
    [InlineData("growth_pct", "73%", 73)]
    [InlineData("growth_pct", "48 per cent", 48)]
    [InlineData("growth_pct", "doubled", 100)]           // twice the first figure: a rise of 100%
    [InlineData("total", "around 280", 280)]
    [InlineData("share", "30", 30)]
    [InlineData("share", "most", 50)]                    // more than half: the figure its words state is 50
    public void A_value_is_read_as_printed_and_kept_as_printed(string kind, string printed, double stated)
    {
        using var dir = new TempDir();
        var c = Assert.Single(Read(dir, $"x-1,a,Dorset,offences,{kind},,2023/24,\"{printed}\",SYNTHETIC"));
        Assert.Null(c.ValueProblem);
        Assert.Equal((decimal)stated, c.Value);
        Assert.Equal(printed, c.ValueText);
    }

    [Fact]
    public void A_share_in_words_states_its_percentage()
    {
        using var dir = new TempDir();
        var c = Assert.Single(Read(dir, "x-1,a,Dorset,offences,share,harassment,2023/24,a third,SYNTHETIC"));
        // One third is 33.33…%.
        Assert.Equal(33.33m, Math.Round(c.Value!.Value, 2));
    }

    [Fact]
    public void A_value_that_cannot_be_read_costs_its_claim_not_the_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("claims.csv", string.Join('\n',
            Header,
            "x-1,a,Dorset,offences,count,,2023/24,lots,SYNTHETIC: no figure in 'lots'",
            "x-2,a,Dorset,offences,count,,2022/23,16,SYNTHETIC: a good row after the bad one",
            "x-3,a,Dorset,offences,total,,since 2021,,SYNTHETIC: a total with no value") + "\n");
        var problems = new List<Diagnostic>();

        var claims = ClaimsRun.LoadClaims([path], problems.Add);

        Assert.Equal(["x-1", "x-2", "x-3"], claims.Select(c => c.ClaimId));
        Assert.Contains("'lots' cannot be read as a value", claims[0].ValueProblem, StringComparison.Ordinal);
        Assert.Null(claims[1].ValueProblem);
        Assert.Contains("no value is printed", claims[2].ValueProblem, StringComparison.Ordinal);
        // One warning per bad row, naming the file and the row (the header is row 1).
        Assert.Equal([(Severity.Warning, path, 2), (Severity.Warning, path, 4)], problems.Select(p => (p.Severity, p.File, p.Row)));
        Assert.Contains("claim 'x-1'", problems[0].Message, StringComparison.Ordinal);

        var (verdicts, _, _) = ClaimsRun.Check(Kit.Data, claims, [Repo.PathOf("data/responses/dorset.json")]);
        var bad = verdicts[0];
        Assert.Equal((VerdictKind.Ambiguous, "claim_resolution: value"), (bad.Kind, bad.Basis));
        Assert.Contains("'lots' cannot be read as a value", bad.Note, StringComparison.Ordinal);
        // The good row is still checked: Dorset's own 2022/23 is 16.
        Assert.Equal((VerdictKind.Reproduced, "16"), (verdicts[1].Kind, verdicts[1].Computed));
        Assert.Equal(VerdictKind.Ambiguous, verdicts[2].Kind);
    }

    [Fact]
    public void What_makes_a_file_no_claims_file_still_fails_the_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("claims.csv", string.Join('\n', Header, "x-1,a,Dorset,offences,count,,2023/24,1,t", "x-1,a,Dorset,offences,count,,2022/23,2,t") + "\n");

        var r = ClaimsReader.Read(path);

        Assert.False(r.Ok);
        Assert.Contains("row 3: claim_id 'x-1' is used twice", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_kinds_are_named_when_a_kind_is_wrong()
    {
        using var dir = new TempDir();
        var path = dir.Write("claims.csv", Header + "\nx-1,a,Dorset,offences,guess,,,1,t\n");

        var r = ClaimsReader.Read(path);

        Assert.False(r.Ok);
        Assert.Contains("is not count, total, growth_pct, rising, most_common, at_least, share or highest", r.Error, StringComparison.Ordinal);
        Assert.True(ClaimNames.TryParseKind("share", out var share) && share == ClaimKind.Share);
        Assert.True(ClaimNames.TryParseKind("highest", out var highest) && highest == ClaimKind.Highest);
    }

    [Fact]
    public void The_claimed_column_shows_the_value_as_printed()
    {
        using var dir = new TempDir();
        var claims = Read(dir,
            "x-1,a,Dorset,offences,at_least,,since 2021,40,SYNTHETIC",
            "x-2,a,Dorset,offences,at_least,,since 2021,\"more than 40\",SYNTHETIC",
            "x-3,a,Dorset,offences,growth_pct,,in the last three years,14,SYNTHETIC",
            "x-4,a,Dorset,offences,growth_pct,,in the last three years,nearly doubled,SYNTHETIC",
            "x-5,a,Dorset,offences,share,harassment,2023/24,a third,SYNTHETIC");
        var (verdicts, _, _) = ClaimsRun.Check(Kit.Data, claims, [Repo.PathOf("data/responses/dorset.json")]);

        Assert.Equal(["more than 40", "more than 40", "14%", "nearly doubled", "a third of offences: harassment"], verdicts.Select(v => v.Claimed));
        // A bare figure under at_least is "more than" it: 46 > 40. Printed with the words, the words say so: 46 is 41 or more.
        Assert.Equal([VerdictKind.Reproduced, VerdictKind.Reproduced], verdicts.Take(2).Select(v => v.Kind));
        Assert.Contains("'more than' checked as strictly greater", verdicts[0].Note, StringComparison.Ordinal);
        Assert.Contains("'more than 40' read as 41 or more (more than: strictly above)", verdicts[1].Note, StringComparison.Ordinal);
    }
}
