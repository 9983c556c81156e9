using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>
/// Everything the kit knows about a request, loaded once: the tidy data of every response and article,
/// every claim with its verdict, the per-force profiles and the coverage (<see cref="Findings"/>). The
/// one entry point for notebooks, file-based scripts and the report, so they cannot drift apart.
/// <para>
/// Load it from a study folder (<see cref="Load(string?)"/>: the kit's <c>data/</c> or your own folder laid
/// out the same way), build it from data already in memory (<see cref="From"/>), or add to a loaded study
/// (<see cref="With(string[])"/>, <see cref="With(TidyDataset)"/>, <see cref="With(ResponseTranscript)"/>,
/// <see cref="WithClaims(string[])"/>): each gives a new study, so every view (profiles, briefs, rates, charts,
/// coverage, verdicts) sees what was added. A study is never changed in place.
/// </para>
/// </summary>
public sealed class Study : Findings
{
    private Study(KitData kit, TidyDataset data, IReadOnlyList<Claim> claims, IReadOnlyList<Diagnostic> claimProblems, StudyFolder? folder)
        : base(kit, data, claims, claimProblems)
    {
        Folder = folder;
    }

    /// <summary>The study folder it was loaded from; null for a study built in memory.</summary>
    public StudyFolder? Folder { get; }

    /// <summary>
    /// The file behind a source name the study's data shows (<c>data/responses/dorset.json</c>), wherever the study folder is
    /// and wherever the code runs; a name from outside the folder (an answer added with <see cref="With(string[])"/>) as it is.
    /// </summary>
    public string PathOf(string sourceFile) => Folder?.PathOf(sourceFile) ?? sourceFile;

    /// <summary>
    /// Loads a study folder (contract §7): every answer and article in it, and the claims in its <c>claims/</c>,
    /// read with the kit's reference tables and request definitions plus its own <c>requests/</c>. Without a
    /// folder, the kit's own <c>data/</c> (found as <see cref="KitData.LocateDataFolder"/> does). Files the kit
    /// cannot tell the meaning of are named in <see cref="TidyDataset.Diagnostics"/>, never passed over.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder, or the kit's data folder, does not exist.</exception>
    public static Study Load(string? folder = null) =>
        Load(StudyFolder.Open(folder ?? KitData.LocateDataFolder() ?? throw new DirectoryNotFoundException(
            "the kit's data folder (data/reference/forces.csv) was not found: run from the repository root or set FOIKIT_DATA")));

    /// <summary>Loads a study folder with the given reference tables and request definitions (default: <see cref="StudyFolder.LoadKit"/>).</summary>
    public static Study Load(StudyFolder folder, KitData? kit = null)
    {
        kit ??= folder.LoadKit();
        var problems = new List<Diagnostic>();
        var claims = ClaimsRun.LoadClaims(folder, problems.Add);
        var data = NormaliseRun.Load(kit, folder);
        return new Study(kit, data, claims, problems, folder);
    }

    /// <summary>A study of data and claims already in memory (normalised elsewhere, or built by code).</summary>
    /// <param name="kit">Reference tables and request definitions (e.g. <see cref="KitData.LoadDefault"/>).</param>
    /// <param name="data">The tidy data (e.g. from <see cref="NormaliseRun.Load(KitData, string[])"/>).</param>
    /// <param name="claims">The claims to check (none by default).</param>
    public static Study From(KitData kit, TidyDataset data, IReadOnlyList<Claim>? claims = null) =>
        new(kit, data, claims ?? [], [], null);

    /// <summary>This study plus answers or articles in files or folders (transcripts, CSV or XLSX with their metadata), read with its kit.</summary>
    /// <exception cref="ArgumentException">A file is already in the study.</exception>
    public Study With(params string[] answers) => With(NormaliseRun.Load(Kit, answers));

    /// <summary>This study plus one transcript built in memory (e.g. in a notebook cell), normalised with its kit.</summary>
    /// <exception cref="ArgumentException">The transcript cannot be read (unknown force or request), or its file is already in the study.</exception>
    public Study With(ResponseTranscript transcript)
    {
        var normaliser = new Normaliser(Kit);
        var prepared = normaliser.Prepare(transcript);
        if (!prepared.Ok) throw new ArgumentException(prepared.Error, nameof(transcript));
        return With(NormaliseRun.Load(normaliser, prepared.Value!));
    }

    /// <summary>This study plus tidy data normalised elsewhere (its rejects, diagnostics and documents too).</summary>
    /// <exception cref="ArgumentException">A source file of <paramref name="answers"/> is already in the study.</exception>
    public Study With(TidyDataset answers)
    {
        var already = answers.Documents.Select(d => d.SourceFile).Intersect(Data.Documents.Select(d => d.SourceFile), StringComparer.Ordinal).ToList();
        if (already.Count > 0)
            throw new ArgumentException($"{already[0]} is already in the study: its figures would be counted twice", nameof(answers));
        var s = Data.Summary;
        var a = answers.Summary;
        var merged = new TidyDataset(
            [.. Data.Observations, .. answers.Observations], [.. Data.Rejects, .. answers.Rejects], [.. Data.Diagnostics, .. answers.Diagnostics],
            [.. Data.Documents, .. answers.Documents],
            new NormaliseSummary(s.Files + a.Files, s.Observations + a.Observations, s.Rejects + a.Rejects, s.Errors + a.Errors,
                s.Warnings + a.Warnings, [.. s.Skipped, .. a.Skipped]));
        return new Study(Kit, merged, Claims, ClaimProblems, Folder);
    }

    /// <summary>This study plus the claims in files or folders of claims CSVs.</summary>
    /// <exception cref="ArgumentException">A file cannot be read as claims, or a claim id is already in the study (the message names it).</exception>
    public Study WithClaims(params string[] claimsFiles)
    {
        var problems = new List<Diagnostic>();
        var claims = ClaimsRun.LoadClaims(claimsFiles, problems.Add);
        if (problems.Count > 0) throw new ArgumentException(problems[0].ToString(), nameof(claimsFiles));
        return WithClaims(claims);
    }

    /// <summary>This study plus claims already in memory.</summary>
    /// <exception cref="ArgumentException">A claim id is already in the study.</exception>
    public Study WithClaims(IEnumerable<Claim> claims)
    {
        var added = claims.ToList();
        var ids = Claims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
        if (added.FirstOrDefault(c => !ids.Add(c.ClaimId)) is { } twice)
            throw new ArgumentException($"{twice.SourceFile}, row {twice.SourceRow}: claim_id '{twice.ClaimId}' is already in the study", nameof(claims));
        return new Study(Kit, Data, [.. Claims, .. added], ClaimProblems, Folder);
    }
}
