using System.CommandLine;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary>
/// <c>foi reproduce [--out out/]</c>: the main job. Normalises everything in data/ (tidy CSV, rejects,
/// tidy XLSX), writes the claim verdicts, runs every notebook in
/// this process and saves the executed copies, and writes the offline report with its figures.
/// Progress goes to stdout; anything that failed is named on stderr, and the exit code is 0 only
/// when every step went well.
/// </summary>
internal sealed class ReproduceVerb : Verb
{
    private readonly ValueOption _out = new("--out", "folder", "where everything is written (default: out/ in the repository)");

    public ReproduceVerb()
        : base("reproduce", "The main job: everything in data/, every notebook, the report and its figures.")
    {
        Add(_out);
    }

    public override string Details => """
        Run inside the repository. Writes into --out (default: out/ in the repository):
          tidy.csv, rejects.csv, tidy.xlsx   everything in data/, normalised
          verdicts.csv                       a verdict for every claim in data/claims/
          notebooks/*.ipynb                  every notebook in notebooks/, executed, with outputs
          report.html, figures/*.png|svg     the offline report and its figures (figures need Chromium,
                                             Chrome or Edge: FOIKIT_BROWSER, else the usual places)
          timings.json                       where the time went, in seconds
        Also copies the kit's dlls to artifacts/notebook-lib/, where the notebooks #r them.
        Exit code 0 only when everything was written; a failing notebook is named with its cell.
        """;

    public override string UnexpectedArgumentHint => " (reproduce reads data/ and notebooks/ of the repository)";

    public override async Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var outGiven = _out.One(parsed);
        var dataFolder = KitData.LocateDataFolder() ?? throw new DirectoryNotFoundException(
            "the repository's data folder (data/reference/forces.csv) was not found: run foi reproduce inside the repository, or set FOIKIT_DATA");
        var root = Path.GetDirectoryName(Path.GetFullPath(dataFolder))!;
        var notebooks = Path.Combine(root, "notebooks");
        if (!Directory.Exists(notebooks))
            throw new DirectoryNotFoundException($"{notebooks}: no notebooks folder beside {dataFolder}: reproduce runs in a checkout of the repository");
        var outFolder = Path.GetFullPath(outGiven ?? Path.Combine(root, "out"));
        // data/ is read as input (CSV and XLSX responses too): output written there would be read back next time.
        var relativeToData = Path.GetRelativePath(Path.GetFullPath(dataFolder), outFolder);
        if (relativeToData == "." || !relativeToData.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relativeToData))
            throw new UsageException($"--out {outGiven} is inside the kit's data folder, which reproduce reads; write somewhere else (default: out/)");

        // Inputs are named relative to the repository root (data/…), wherever foi was started, so
        // the data files are the same bytes on every run and every machine.
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = root;
        try
        {
            return await new Reproduction(root, outFolder, stdout, stderr).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
