using System.CommandLine;
using FoiKit.Pipeline;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary>
/// <c>foi reproduce [--data folder] [--force id] [--article id] [--out out/]</c>: the main job. Normalises
/// everything in the study folder (the kit's data/ by default; tidy CSV, rejects,
/// tidy XLSX), writes the claim verdicts, runs every notebook in
/// this process and saves the executed copies, and writes the offline report with its figures.
/// Progress goes to stdout; anything that failed is named on stderr, and the exit code is 0 only
/// when every step went well.
/// </summary>
internal sealed class ReproduceVerb : Verb
{
    private readonly ValueOption _out = new("--out", "folder", "where everything is written (default: out/ in the repository)");

    private readonly ValueOption _data = new("--data", "folder", "the study folder to run over (default: the kit's data/)");

    private readonly ValueOption _force = new("--force", "name", $"the force the notebooks and report are about, any spelling (default: {ReproduceTarget.DefaultForce})");

    private readonly ValueOption _article = new("--article", "id", $"the article of the study's claims they follow (default: {ReproduceTarget.DefaultArticle})");

    public ReproduceVerb()
        : base("reproduce", "The main job: a study folder (default data/), every notebook, the report and its figures.")
    {
        Add(_data);
        Add(_force);
        Add(_article);
        Add(_out);
    }

    public override string Details => """
        Run inside the repository. --data names a study folder laid out like data/ (responses/, articles/,
        claims/, optional requests/ and sources.csv; foi new-study lays one out); it replaces the kit's data,
        and the kit's reference tables and request definitions are always available. Without --article, the
        study's claims decide (the default article when they hold it, else the first about --force, else the
        first); without --force, the article's force. Each notebook's parameters cell gets all three.
        Writes into --out (default: out/ in the repository):
          tidy.csv, rejects.csv, tidy.xlsx   everything in the study folder, normalised
          verdicts.csv                       a verdict for every claim in its claims/
          notebooks/*.ipynb                  every notebook in notebooks/, executed, with outputs
          report.html, figures/*.png|svg     the offline report and its figures (figures need Chromium,
                                             Chrome or Edge: FOIKIT_BROWSER, else the usual places)
          timings.json                       where the time went, in seconds
        Also copies the kit's dlls to artifacts/notebook-lib/, where the notebooks #r them.
        Files the kit cannot tell the meaning of, and files without a row in the study's sources.csv, are
        named in warnings. Exit code 0 only when everything was written; a failing notebook is named with its
        cell; 2 when --force is not a force of forces.csv or --article is not an article of the study's claims.
        """;

    /// <summary>--article must name an article of the study's claims (contract §6): else one sentence, exit 2.</summary>
    private static void CheckArticle(StudyFolder study, string article)
    {
        var claims = ClaimsRun.LoadClaims(study, _ => { });
        var articles = claims.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (articles.Contains(article, StringComparer.Ordinal)) return;
        throw new UsageException(articles.Count == 0
            ? $"--article {article}: the study {study.Name}/ holds no claims (its claims/ folder is empty or missing), so there is no article to follow"
            : $"--article {article}: no such article in {study.Name}/claims/ (its articles: {string.Join(", ", articles)})");
    }

    public override string UnexpectedArgumentHint => " (reproduce reads a study folder, --data, and the repository's notebooks/)";

    public override async Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var outGiven = _out.One(parsed);
        var kitData = KitData.LocateDataFolder() ?? throw new DirectoryNotFoundException(
            "the repository's data folder (data/reference/forces.csv) was not found: run foi reproduce inside the repository, or set FOIKIT_DATA");
        var dataGiven = _data.One(parsed);
        var dataFolder = Path.GetFullPath(dataGiven ?? kitData);
        if (dataGiven is not null && !Directory.Exists(dataFolder))
            throw new UsageException($"--data {dataGiven}: no such folder");
        var study = StudyFolder.Open(dataFolder);
        var kit = study.LoadKit();
        var forceGiven = _force.One(parsed);
        string? forceId = null;
        if (forceGiven is not null)
        {
            var force = kit.Reference.Forces.Resolve(forceGiven);
            if (!force.Ok) throw new UsageException($"--force {forceGiven}: {force.Error}");
            forceId = force.Value!.Id;
        }
        var articleGiven = _article.One(parsed);
        if (articleGiven is not null) CheckArticle(study, articleGiven);
        var root = Path.GetDirectoryName(Path.GetFullPath(kitData))!;
        var notebooks = Path.Combine(root, "notebooks");
        if (!Directory.Exists(notebooks))
            throw new DirectoryNotFoundException($"{notebooks}: no notebooks folder beside {kitData}: reproduce runs in a checkout of the repository");
        var outFolder = Path.GetFullPath(outGiven ?? Path.Combine(root, "out"));
        // The study folder is read as input (CSV and XLSX responses too): output written there would be read back next time.
        var relativeToData = Path.GetRelativePath(Path.GetFullPath(dataFolder), outFolder);
        if (relativeToData == "." || !relativeToData.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relativeToData))
            throw new UsageException($"--out {outGiven} is inside {(dataGiven is null ? "the kit's data folder" : $"the study folder {dataGiven}")}, which reproduce reads; write somewhere else (default: out/)");

        var target = new ReproduceTarget(dataGiven ?? "data", study, forceId, articleGiven);

        // The run works from the repository root, whose notebooks it runs; the study's files are named from the
        // study folder's own name (StudyFolder.NameOf), so the data files are the same bytes on every machine.
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = root;
        try
        {
            return await new Reproduction(root, target, outFolder, stdout, stderr).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
