using System.Reflection;
using System.Text.RegularExpressions;
using FoiKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FoiKit.Cli.Tests;

/// <summary>
/// The code that README.md, docs/*.md and src/*/README.md show their readers is compiled or run, so the
/// documentation cannot drift from the kit:
/// <list type="bullet">
/// <item>every <c>```csharp</c> block is compiled (not run) as top-level statements against the kit's
/// assemblies, with the usings a notebook's setup cell gives (System, System.IO, System.Linq,
/// System.Collections.Generic, System.Threading.Tasks, every namespace of the kit's FoiKit* assemblies, and
/// Plotly.NET); it must compile without errors;</item>
/// <item>every <c>foi</c> command line in a <c>```sh</c> block (<c>dotnet run --project src/FoiKit.Cli [-c Release] --
/// VERB …</c>, or <c>dotnet …/foi.dll VERB …</c>) is run as the built program from the repository root, with
/// <c>out</c> and <c>out/…</c> paths moved into a temporary folder (one per block, so a block's lines run in order
/// see what the lines before them wrote, as a reader's would); it must exit 0 without a stack trace.
/// <c>reproduce</c> and <c>bench</c> lines are not run here (minutes each): ReproduceTests in
/// tests/FoiNotebooks.Tests and BenchCliTests run those verbs. Other shell lines (dotnet test, the tools'
/// scripts) are not foi command lines and are left alone.</item>
/// </list>
/// A block that must not be compiled or run is marked by an HTML comment on the last non-blank line before
/// its opening fence: <c>&lt;!-- not run: the reason --&gt;</c> (the reason is required).
/// The compiler (Microsoft.CodeAnalysis.CSharp) is the one the foi program's notebook runner brings, which
/// this project references through FoiKit.Cli: no second Roslyn version to keep in step.
/// </summary>
public partial class DocsCodeTests
{
    /// <summary>A fenced block: where it is, its language, its text, and the reason it is not run (if marked).</summary>
    public sealed record Block(string File, int Line, string Language, string Code, string? NotRun)
    {
        public override string ToString() => $"{File}:{Line}";
    }

    /// <summary>Verbs whose documented command lines other tests run (see the summary).</summary>
    private static readonly string[] RunElsewhere = ["reproduce", "bench"];

    public static IReadOnlyList<Block> Blocks()
    {
        var files = new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(Repo.PathOf("docs"), "*.md").Select(f => Path.GetRelativePath(Repo.Root, f)))
            .Concat(Directory.EnumerateDirectories(Repo.PathOf("src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists)
                .Select(f => Path.GetRelativePath(Repo.Root, f)))
            .Select(f => f.Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var blocks = new List<Block>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Repo.PathOf(file));
            for (var i = 0; i < lines.Length; i++)
            {
                var open = Fence().Match(lines[i]);
                if (!open.Success) continue;
                var start = i;
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
                var before = lines.Take(start).LastOrDefault(l => l.Trim().Length > 0) ?? "";
                var mark = NotRunMark().Match(before);
                blocks.Add(new Block(file, start + 1, open.Groups[1].Value, string.Join('\n', code), mark.Success ? mark.Groups[1].Value.Trim() : null));
            }
        }
        return blocks;
    }

    public static TheoryData<string> CSharpBlocks() => Names(Blocks().Where(b => b.Language is "csharp" or "cs" or "c#"));

    public static TheoryData<string> ShellBlocks() => Names(Blocks().Where(b => b.Language is "sh" or "bash" or "shell"));

    private static TheoryData<string> Names(IEnumerable<Block> blocks)
    {
        var data = new TheoryData<string>();
        foreach (var b in blocks) data.Add(b.ToString());
        return data;
    }

    private static Block Find(string name) => Blocks().Single(b => b.ToString() == name);

    [Fact]
    public void The_docs_show_code_and_foi_command_lines_and_every_not_run_mark_gives_a_reason()
    {
        // Not vacuous: the README's two commands and the charts' C# example are among what is checked.
        var blocks = Blocks();
        Assert.Contains(blocks, b => b.File == "src/FoiKit.Charts/README.md" && b.Language == "csharp");
        Assert.True(blocks.SelectMany(b => FoiLines(b.Code)).Count(l => !RunElsewhere.Contains(l[0])) >= 2);
        Assert.All(blocks.Where(b => b.NotRun is not null), b => Assert.False(string.IsNullOrWhiteSpace(b.NotRun), $"{b}: 'not run' without a reason"));
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void Each_csharp_block_compiles_against_the_kit(string block)
    {
        var b = Find(block);
        if (b.NotRun is not null) return;

        var errors = Compile(b.Code);

        Assert.True(errors.Count == 0, $"{b} does not compile:\n{string.Join('\n', errors)}");
    }

    [Theory]
    [MemberData(nameof(ShellBlocks))]
    public async Task Each_foi_command_line_in_a_shell_block_runs(string block)
    {
        var b = Find(block);
        if (b.NotRun is not null) return;
        using var dir = new TempDir();
        foreach (var line in FoiLines(b.Code).Where(l => !RunElsewhere.Contains(l[0])))
        {
            var args = line.Select(a => a == "out" ? dir.Path : a.StartsWith("out/", StringComparison.Ordinal) ? Path.Combine(dir.Path, a[4..]) : a).ToArray();

            var run = await Foi.RunProgramAsync(Repo.Root, args);

            Assert.True(run.ExitCode == 0, $"{b}: foi {string.Join(' ', line)} exited {run.ExitCode}:\n{run.Stderr}");
            run.AssertNoStackTrace();
            foreach (var written in args.Where(a => a.StartsWith(dir.Path, StringComparison.Ordinal)))
                Assert.True(File.Exists(written) || Directory.Exists(written), $"{b}: foi {string.Join(' ', line)} did not write {written}");
        }
    }

    [Theory]
    [InlineData("normalise data/ --out out/tidy.csv", new[] { "normalise", "data/", "--out", "out/tidy.csv" })]
    [InlineData("draft-claims a.html --force \"Herts Police\" --out  c.csv", new[] { "draft-claims", "a.html", "--force", "Herts Police", "--out", "c.csv" })]
    [InlineData("x --name 'Avon and Somerset' --id \"\"", new[] { "x", "--name", "Avon and Somerset", "--id", "" })]
    public void Shell_words_keep_quoted_spaces_in_one_word(string line, string[] words) =>
        Assert.Equal(words, ShellWords(line));

    /// <summary>
    /// Splits a command line into words as a POSIX shell does for the plain cases docs use: spaces separate words,
    /// double or single quotes keep spaces inside one word (<c>--force "Herts Police"</c>) and are removed.
    /// </summary>
    public static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }

    /// <summary>The foi arguments (verb first) of every foi command line in a shell block; comments dropped.</summary>
    public static IEnumerable<string[]> FoiLines(string code)
    {
        foreach (var raw in code.Split('\n'))
        {
            var line = raw.Split(" #", 2)[0].Trim();
            if (line.StartsWith('#')) continue;
            var m = FoiCommand().Match(line);
            if (m.Success) yield return ShellWords(m.Groups["args"].Value);
        }
    }

    /// <summary>Compiler errors of a block compiled as top-level statements against the kit (empty when it compiles).</summary>
    private static List<string> Compile(string code)
    {
        var usings = new[] { "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks", "Plotly.NET" }
            .Concat(KitNamespaces())
            .Select(n => $"global using {n};");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(string.Join('\n', usings), parse, "usings.cs"),
            CSharpSyntaxTree.ParseText(code, parse, "block.cs"),
        };
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("DocsBlock", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    /// <summary>Every namespace with public types in the kit's own assemblies (FoiKit*.dll beside the tests, tests excluded).</summary>
    private static IEnumerable<string> KitNamespaces() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "FoiKit*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .SelectMany(f => Assembly.LoadFrom(f).GetExportedTypes())
            .Select(t => t.Namespace)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*```\s*([A-Za-z#+]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!--\s*not run:(.*?)-->")]
    private static partial Regex NotRunMark();

    /// <summary><c>dotnet run --project src/FoiKit.Cli [options] -- ARGS</c> or <c>dotnet [path/]foi.dll ARGS</c>.</summary>
    [GeneratedRegex(@"^dotnet\s+(?:run\s+--project\s+src/FoiKit\.Cli\b.*?\s--\s+|\S*foi\.dll\s+)(?<args>.+)$")]
    private static partial Regex FoiCommand();
}
