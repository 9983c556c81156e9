using System.CommandLine;
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

    private readonly ValueOption _article = new("--article", "id", $"the article whose claims they follow (default: {ReproduceTarget.DefaultArticle})");

    public ReproduceVerb()
        : base("reproduce", "The main job: a study folder (default data/), every notebook, the report and its figures.")
    {
        Add(_data);
        Add(_force);
        Add(_article);
        Add(_out);
    }

    public override string Details => """
        Run inside the repository. Each notebook's parameters cell gets --data, --force and --article.
        Writes into --out (default: out/ in the repository):
          tidy.csv, rejects.csv, tidy.xlsx   everything in the study folder, normalised
          verdicts.csv                       a verdict for every claim in its claims/
          notebooks/*.ipynb                  every notebook in notebooks/, executed, with outputs
          report.html, figures/*.png|svg     the offline report and its figures (figures need Chromium,
                                             Chrome or Edge: FOIKIT_BROWSER, else the usual places)
          timings.json                       where the time went, in seconds
        Also copies the kit's dlls to artifacts/notebook-lib/, where the notebooks #r them.
        Exit code 0 only when everything was written; a failing notebook is named with its cell.
        """;

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
        var forceGiven = _force.One(parsed) ?? ReproduceTarget.DefaultForce;
        var force = KitData.Load(kitData).Reference.Forces.Resolve(forceGiven);
        if (!force.Ok) throw new UsageException($"--force {forceGiven}: {force.Error}");
        var root = Path.GetDirectoryName(Path.GetFullPath(kitData))!;
        var notebooks = Path.Combine(root, "notebooks");
        if (!Directory.Exists(notebooks))
            throw new DirectoryNotFoundException($"{notebooks}: no notebooks folder beside {dataFolder}: reproduce runs in a checkout of the repository");
        var outFolder = Path.GetFullPath(outGiven ?? Path.Combine(root, "out"));
        // data/ is read as input (CSV and XLSX responses too): output written there would be read back next time.
        var relativeToData = Path.GetRelativePath(Path.GetFullPath(dataFolder), outFolder);
        if (relativeToData == "." || !relativeToData.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relativeToData))
            throw new UsageException($"--out {outGiven} is inside {(dataGiven is null ? "the kit's data folder" : $"the study folder {dataGiven}")}, which reproduce reads; write somewhere else (default: out/)");

        // The study is named from the repository root when it is inside it ("data"), so the data files name
        // their sources the same way on every machine.
        var fromRoot = Path.GetRelativePath(root, dataFolder);
        var data = (fromRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(fromRoot) ? dataFolder : fromRoot).Replace('\\', '/');
        var target = new ReproduceTarget(data, force.Value!.Id, _article.One(parsed) ?? ReproduceTarget.DefaultArticle);

        // Inputs are named relative to the repository root (data/…), wherever foi was started, so
        // the data files are the same bytes on every run and every machine.
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
