using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>
/// Everything the kit knows about a request, loaded once from a data folder: the tidy data of
/// every response and article in it, every claim with its verdict, and the per-force profiles
/// (<see cref="Findings"/>). The one entry point for notebooks, file-based scripts and the
/// report, so they cannot drift apart.
/// </summary>
public sealed class Study : Findings
{
    private Study(KitData kit, TidyDataset data, IReadOnlyList<Claim> claims, IReadOnlyList<Diagnostic> claimProblems)
        : base(kit, data, claims, claimProblems)
    {
    }

    /// <summary>Loads the kit's data folder (found as <see cref="KitData.LocateDataFolder"/> does) or the one given.</summary>
    public static Study Load(string? dataFolder = null)
    {
        var kit = dataFolder is null ? KitData.LoadDefault() : KitData.Load(dataFolder);
        var problems = new List<Diagnostic>();
        // Sources are named relative to where the study is loaded ("data/articles/…" from the repository
        // root, "../data/…" from notebooks/), so notebooks and reports read the same on every machine.
        var folder = Path.GetRelativePath(Environment.CurrentDirectory, kit.DataFolder);
        var claimsFolder = Path.Combine(folder, "claims");
        var claims = Directory.Exists(claimsFolder) ? ClaimsRun.LoadClaims([claimsFolder], problems.Add) : [];
        var data = NormaliseRun.Load(kit, folder);
        return new Study(kit, data, claims, problems);
    }
}
