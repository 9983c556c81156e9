using System.Globalization;
using System.Text;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using static FoiKit.Charts.ChartPage;

namespace FoiKit.Charts;

/// <summary>
/// report.html: one self-contained page (plotly.js inlined once, no CDN, no require.js, nothing loaded
/// from the network) telling the story from the seed article to every force and article, each figure
/// with its verdict, basis and note. All text is HTML-escaped. The output is deterministic: the same
/// study gives the same bytes (no timestamps, no random ids; chart ids come from figure names; file
/// paths are shown relative to the data folder's parent, so the checkout location does not matter).
/// </summary>
public static class OfflineReport
{
    /// <summary>The page title.</summary>
    public const string Title = "TikTok-linked offences: what the police FOI answers support";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds report.html for a study and its figures (from <see cref="StoryFigures.All"/>).</summary>
    /// <param name="study">The loaded study.</param>
    /// <param name="figures">The figures to draw; each appears once, in its section.</param>
    /// <param name="seedArticleId">The article the story starts from (empty: none).</param>
    /// <param name="forceId">The force the story is about (default: the article's force).</param>
    public static string Build(Study study, IReadOnlyList<StoryFigure> figures, string seedArticleId = StoryFigures.SeedArticleId, string? forceId = null)
    {
        var lead = StoryFigures.LeadForce(study, seedArticleId, forceId);
        var r = new Writer(study, figures);
        var sb = r.Sb;
        Head(sb, Title, Css);
        sb.Append("<header>\n<h1>").Append(H(Title)).Append("</h1>\n");
        r.P("FoiNotebooks turns UK police forces' Freedom of Information (FOI) answers, and the figures newspapers printed from them, " +
            "into traceable tidy data: every number below names the file, table and row it comes from, and every claim a newspaper " +
            "made is checked against that data and given a verdict. What the data cannot settle is shown as unknown, with the reason, never as zero.",
            "lead");
        r.Contents();
        sb.Append("</header>\n<main>\n");
        r.Request();
        r.SeedArticle(seedArticleId, lead);
        r.Coverage();
        r.Comparison();
        r.Forces(lead);
        r.TotalsAudit();
        r.National();
        r.OtherArticles(seedArticleId);
        sb.Append("</main>\n<footer>\n");
        r.P($"Made with FoiKit.Charts from the study folder {(study.Folder is { } folder ? folder.Name + "/" : "built in memory")}. Charts drawn with plotly.js version {PlotlyJs.TargetVersion} " +
            "(MIT licence), inlined in this page: it needs no network. Links to sources open the original pages.");
        sb.Append("</footer>\n");
        DrawAndClose(sb, r.Drawn);
        return sb.ToString();
    }

    /// <summary>
    /// Everything in a page that would load from the network when it opens (see <see cref="ChartPage.FindRemoteReferences"/>);
    /// links to sources in &lt;a href&gt; are navigation and are not listed. Empty for report.html.
    /// </summary>
    public static IReadOnlyList<string> FindRemoteReferences(string html) => ChartPage.FindRemoteReferences(html);

    /// <summary>Verdict in the contract's words with its badge colour (reproduced, consistent, contradicted, not_checkable, ambiguous).</summary>
    public static string VerdictBadge(VerdictKind kind) =>
        $"<span class=\"verdict v-{kind.ToContract()}\">{H(kind.ToContract())}</span>";

    /// <summary>True for verdicts where the data cannot support the claim's figure: shown as unknown with the reason.</summary>
    public static bool IsUnknown(VerdictKind kind) => kind is VerdictKind.NotCheckable or VerdictKind.Ambiguous;

    private const string Css = """
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;color:#222;margin:0;line-height:1.45}
header,main,footer{max-width:1080px;margin:0 auto;padding:0 1.2em}
header{border-bottom:3px solid #0072B2;padding-bottom:.6em}
h1{font-size:1.7em;margin:.8em 0 .3em} h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em} h3{margin-top:1.6em}
.lead{font-size:1.08em}
nav ol{columns:2;font-size:.95em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:.9em}
th,td{border:1px solid #d0d0d0;padding:.3em .45em;text-align:left;vertical-align:top}
th{background:#f2f2f2} td.num,th.num{text-align:right;white-space:nowrap}
.verdict{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-weight:bold;font-size:.9em;white-space:nowrap}
.v-reproduced{background:#007a5a}.v-consistent{background:#2b7bb9}.v-contradicted{background:#b34700}.v-not_checkable{background:#6e6e6e}.v-ambiguous{background:#8f5b00}
.unknown{color:#6e6e6e;font-style:italic}
.notdata{background:repeating-linear-gradient(45deg,#f4f4f4,#f4f4f4 6px,#e6e6e6 6px,#e6e6e6 12px)}
.caveat{border-left:4px solid #E69F00;background:#fff8e6;padding:.4em .8em;margin:.8em 0}
.illustration{border-left:4px solid #9e9e9e;background:#f6f6f6;padding:.4em .8em;margin:.8em 0}
figure.story-figure{margin:1.2em 0}
.chart{width:100%;max-width:1000px;height:540px}
figcaption{font-size:.9em;color:#444} .file{color:#666}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em} dl.facts dt{font-weight:bold} dl.facts dd{margin:0}
footer{margin-top:3em;border-top:1px solid #ccc;font-size:.85em;color:#555}
@media print{.chart{height:480px} nav{display:none}}

""";

    /// <summary>Writes the sections; keeps which figures were placed so each is drawn once.</summary>
    private sealed class Writer(Study study, IReadOnlyList<StoryFigure> figures)
    {
        public StringBuilder Sb { get; } = new(PlotlyJs.Source.Length + 256 * 1024);

        public List<StoryFigure> Drawn { get; } = [];

        private readonly string _root = Path.GetDirectoryName(Path.GetFullPath(study.Kit.DataFolder)) ?? "";

        private IReadOnlyList<string> YearLabels => study.Periods.Years.Select(y => y.Label).ToList();

        public void P(string text, string? cls = null) =>
            Sb.Append(cls is null ? "<p>" : $"<p class=\"{cls}\">").Append(H(text)).Append("</p>\n");

        private StringBuilder Raw(string html) => Sb.Append(html);

        private void H2(string id, string text) => Sb.Append("<h2 id=\"").Append(id).Append("\">").Append(H(text)).Append("</h2>\n");

        private void H3(string id, string text) => Sb.Append("<h3 id=\"").Append(id).Append("\">").Append(H(text)).Append("</h3>\n");

        private void Caveat(string text) => Sb.Append("<div class=\"caveat\">").Append(H(text)).Append("</div>\n");

        private static string Link(string url, string? text = null) =>
            string.IsNullOrWhiteSpace(url) ? H(text ?? "") : $"<a href=\"{H(url)}\">{H(text ?? url)}</a>";

        private static string Unknown(string text = "unknown") => $"<span class=\"unknown\">{H(text)}</span>";

        private static string N(long? v) => v is { } x ? x.ToString("#,0", Inv) : "";

        private static string D(decimal? v) => v is { } x ? x.ToString("0.0", Inv) : "";

        private string Rel(string path)
        {
            if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path)) return path.Replace('\\', '/');
            if (study.Folder is { } folder && !Path.GetRelativePath(folder.Path, path).StartsWith("..", StringComparison.Ordinal)) return folder.NameOf(path);
            var rel = Path.GetRelativePath(_root, path);
            return (rel.StartsWith("..", StringComparison.Ordinal) ? Path.GetFileName(path) : rel).Replace('\\', '/');
        }

        private void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? numeric = null, string? rowClass = null) =>
            Table(headers, rows.Select(r => (rowClass, r)), numeric);

        private void Table(IReadOnlyList<string> headers, IEnumerable<(string? Class, IReadOnlyList<string> Cells)> rows, ISet<int>? numeric = null)
        {
            Sb.Append("<table>\n<thead><tr>");
            for (var i = 0; i < headers.Count; i++)
                Sb.Append(numeric?.Contains(i) == true ? "<th class=\"num\">" : "<th>").Append(H(headers[i])).Append("</th>");
            Sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var (rowClass, row) in rows)
            {
                Sb.Append(rowClass is null ? "<tr>" : $"<tr class=\"{rowClass}\">");
                for (var i = 0; i < row.Count; i++)
                    Sb.Append(numeric?.Contains(i) == true ? "<td class=\"num\">" : "<td>").Append(row[i]).Append("</td>");
                Sb.Append("</tr>\n");
            }
            Sb.Append("</tbody>\n</table>\n");
        }

        private void Place(Func<StoryFigure, bool> which)
        {
            foreach (var f in figures.Where(which))
            {
                if (Drawn.Contains(f)) continue;
                Drawn.Add(f);
                Figure(Sb, f);
            }
        }

        private string ArticleUrl(string articleId) =>
            study.Data.Documents.FirstOrDefault(d => d.Kind == SourceKind.PublishedArticle && Evidence.ArticleIdOf(d) == articleId)?.SourceUrl
            ?? "";

        private SourceDocument? ArticleDocument(string articleId) =>
            study.Data.Documents.FirstOrDefault(d => d.Kind == SourceKind.PublishedArticle && Evidence.ArticleIdOf(d) == articleId);

        private string DocSummary(SourceDocument doc) =>
            (doc.ResponseDate.Length > 0 ? "dated " + doc.ResponseDate : "publication date unknown")
            + "; transcribed in " + Rel(doc.SourceFile) + (doc.Truncated ? "; the stored copy is cut off" : "");

        public void Contents()
        {
            Raw("<nav><ol>\n");
            foreach (var (id, text) in new[]
            {
                ("request", "The request"), ("article", "The article and its figures"), ("coverage", "What each force gave"),
                ("comparison", "Forces side by side"), ("forces", "Force by force"), ("totals", "Printed totals checked"),
                ("national", "The national total"), ("articles", "Every other article's claims"),
            })
            {
                Raw($"<li><a href=\"#{id}\">{H(text)}</a></li>\n");
            }
            Raw("</ol></nav>\n");
        }

        public void Request()
        {
            var q = study.Request;
            H2("request", "The request");
            P($"{q.Requester} sent one FOI request ({q.Id}) to every police force in England and Wales in {q.Sent}, asking about {q.Subject}. " +
              $"It covers the years {YearLabels[0]} to {YearLabels[^1]}" +
              (q.RequestedBasis is { } b ? $", asked for on a {b.ToContract().Replace('_', ' ')} basis (6 April to 5 April)." : "."));
            Table(["Question", "Measures", "By", "Period", "Wording"],
                q.Questions.Values.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => (IReadOnlyList<string>)
                [
                    H(x.Id), H(x.Measure.ToContract()), H(x.By),
                    H(x.Period is { } p ? p.Label : string.Join(", ", x.Periods.Select(y => y.Label))),
                    H(x.Wording),
                ]));
            P($"Request definition: {Rel(q.SourceFile)}.");
        }

        public void SeedArticle(string articleId, string? force)
        {
            var doc = ArticleDocument(articleId);
            var pairs = study.ClaimsOf(articleId);
            H2("article", "The article and its figures");
            if (pairs.Count == 0)
            {
                // A study with no claims, or none for this article, still gets its report: it says so.
                P(study.Claims.Count == 0
                    ? "This study holds no claims (its claims/ folder is empty or missing), so no article's figures are checked here. " +
                      "Add one claims file per article to claims/ (the columns are in the README) to check what an article printed."
                    : articleId.Length == 0
                        ? "No article was chosen to follow. The study's claims are about: " + string.Join(", ", study.Articles) + "."
                        : $"The study's claims hold no article '{articleId}'. They are about: {string.Join(", ", study.Articles)}.");
                if (force is not null)
                {
                    H3("article-mix", "What was printed for the latest year");
                    Place(f => f.Section == FigureSection.Article);
                }
                return;
            }
            Raw("<p>The story starts from ");
            Raw(doc is null ? H(articleId) : Link(doc.SourceUrl, articleId));
            Raw(H(doc is null ? "." : $" ({DocSummary(doc)}).")).Raw("</p>\n");
            if (doc is not null && doc.Notes.Length > 0) P("Transcription notes: " + doc.Notes);

            H3("article-figures", "Its figures, one by one");
            P("Each figure or statement the article printed, as the kit's claims file paraphrases it, with the verdict the data give it. " +
              "\"Computed\" is what the data give; where the data cannot support a figure it reads unknown, and the note says why.");
            Table(["Claim", "What the article says", "Printed", "Verdict", "Computed", "Basis", "Note"],
                pairs.Select(p => (IReadOnlyList<string>)
                [
                    H(p.Claim.ClaimId), H(p.Claim.Text), H(p.Verdict.Claimed), VerdictBadge(p.Verdict.Kind),
                    p.Verdict.Computed.Length > 0 ? H(p.Verdict.Computed) : Unknown(),
                    H(p.Verdict.Basis), H(p.Verdict.Note),
                ]));

            var unknown = pairs.Where(p => IsUnknown(p.Verdict.Kind)).ToList();
            H3("article-unknown", $"What the data cannot support ({unknown.Count} of {pairs.Count})");
            if (unknown.Count == 0) P("Every figure could be checked.");
            else
            {
                Raw("<ul>\n");
                foreach (var p in unknown)
                    Raw($"<li><strong>{H(p.Verdict.Claimed)}</strong> ({H(p.Claim.ClaimId)}): {Unknown()} ({VerdictBadge(p.Verdict.Kind)}). Why: {H(p.Verdict.Note)}</li>\n");
                Raw("</ul>\n");
            }

            if (force is not null && StoryCharts.BoundsFor(study, force) is { } bounds)
            {
                var profile = study.Profile(force);
                H3("article-bounds", "What the printed total, rise and \"rising\" allow");
                P($"The article prints {profile.Force.OfficialName}'s total ({N(bounds.Total)})" +
                  (bounds.GrowthPct is { } g ? $", a rise of {g.ToString(Inv)}%" : "") + (bounds.Rising ? " and that figures rose every year" : "") +
                  ", but not the yearly figures (they were in a graphic that the text does not carry). Every whole-number split of the total " +
                  "that fits all of those was counted: " + bounds.Describe(YearLabels) + ". These are possible ranges, not data.");
                Table(["Year", "Lowest possible", "Highest possible", "What it is"],
                    bounds.PerYear.Select((range, i) => (IReadOnlyList<string>)
                        [H(YearLabels[i]), N(range.Min), N(range.Max), H("possible range, not data")]),
                    numeric: new HashSet<int> { 1, 2 }, rowClass: "notdata");
                if (bounds.Examples.Count > 0)
                    P("Some splits that fit (lowest first year first): " + string.Join("; ", bounds.Examples.Select(e => string.Join(" + ", e.Select(x => x.ToString(Inv))))) + ".");
                Place(f => f.Section == FigureSection.Article && f.Name.EndsWith("-year-bounds", StringComparison.Ordinal));
            }
            if (force is not null)
            {
                H3("article-mix", "What was printed for the latest year");
                // What the breakdowns leave unaccounted for: a range where categories may overlap, which the sentence names.
                foreach (var measure in new[] { Measure.Offences, Measure.Outcomes })
                {
                    var gap = study.Gap(force, measure, study.BreakdownYear(measure));
                    if (gap.Parts.Count > 0 && !gap.Parts.All(p => p.IsCharge))
                        P(char.ToUpperInvariant(gap.Describe()[0]) + gap.Describe()[1..] + ".");
                }
                Place(f => f.Section == FigureSection.Article);
            }
        }

        public void Coverage()
        {
            H2("coverage", "What each force gave");
            var c = study.Coverage;
            P($"For every force in forces.csv, what this study holds: the force's own FOI answer, figures a newspaper printed (an article only), " +
              $"or nothing. {Capitalised(c.Describe())}. Where it holds nothing, the force's figures are unknown, not zero.");
            // Every force of forces.csv, in its order (the reference list, not data): the rows of forces the study holds
            // nothing about carry the class holds-nothing, and name no source or figure.
            var rows = c.Forces.Select(f => (f.Holds == ForceHolding.Nothing ? "holds-nothing" : null, (IReadOnlyList<string>)
            [
                H(f.ForceName), H(f.HoldsText),
                f.Holds == ForceHolding.Nothing ? "none" : string.Join("; ", f.Sources.Select(x => Link(x.SourceUrl, Rel(x.SourceFile)))
                    .Concat(f.Articles.Count > 0 ? [H("claims of " + string.Join(", ", f.Articles))] : [])),
                f.Total is { } t ? $"{N(t)} ({H(f.TotalSource)})" : Unknown(),
            ]));
            Table(["Force", "The study holds", "Sources", "Three-year total"], rows, numeric: new HashSet<int> { 3 });
            H3("coverage-sources", "Each source, and which parts of the request it answers");
            P("One row per source document: whether it is the force's own FOI answer or figures a newspaper printed, and which parts of the request it answers. " +
              "A source that was cut off may have had more figures after the cut: those are unknown, not zero.");
            static string YesNo(bool b) => b ? "yes" : "no";
            Table(["Force", "Source", "File", "Yearly", "Total", "Offence types", "Outcomes", "Cut off", "Figures"],
                study.Coverage.Select(c => (IReadOnlyList<string>)
                [
                    H(c.ForceName), Link(c.SourceUrl, StoryCharts.SourceLabel(c.Kind)), H(Rel(c.SourceFile)),
                    YesNo(c.HasYearly), YesNo(c.HasTotal), YesNo(c.HasOffenceBreakdown), YesNo(c.HasOutcomeBreakdown),
                    c.Truncated ? "<strong>yes</strong>" : "no", c.Figures.ToString(Inv),
                ]), numeric: new HashSet<int> { 8 });
            var without = study.Coverage.Where(c => c.Figures == 0).Select(c => c.ForceName).Distinct().ToList();
            if (without.Count > 0) P($"No usable figures: {string.Join(", ", without)} (the stored copy prints none).");
        }

        private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        public void Comparison()
        {
            H2("comparison", "Forces side by side");
            Caveat("Read with care: " + StoryCharts.ComparisonCaveat);
            Place(f => f.Section == FigureSection.Comparison);
            MethodTable("comparison-methods");
        }

        /// <summary>Every comparison of forces shows each force's method notes and caveats.</summary>
        private void MethodTable(string id)
        {
            H3(id, "Each force's method notes and caveats");
            Table(["Force", "Source", "Three-year total", "Per 100,000", "Method notes", "Caveats"],
                study.Profiles.Select(p => (IReadOnlyList<string>)
                [
                    $"<a href=\"#force-{H(p.Force.Id)}\">{H(p.Force.OfficialName)}</a>", H(p.SourceLabel),
                    p.Total is null ? Unknown() : N(p.Total), p.RatePer100k is null ? Unknown() : D(p.RatePer100k),
                    H(p.MethodNotes), p.Caveats.Count == 0 ? "none recorded" : "<ul>" + string.Concat(p.Caveats.Select(c => $"<li>{H(c)}</li>")) + "</ul>",
                ]), numeric: new HashSet<int> { 2, 3 });
        }

        public void Forces(string? seedForce)
        {
            H2("forces", "Force by force");
            foreach (var p in study.Profiles)
            {
                H3("force-" + p.Force.Id, p.Force.OfficialName);
                Raw("<p>Source: ").Raw(H(p.SourceLabel)).Raw(". ");
                Raw(string.Join(" ", p.Documents.Select(d => Link(d.SourceUrl, Rel(d.SourceFile)) + (d.Truncated ? " (cut off)" : "") + ".")));
                Raw("</p>\n");
                Table(["Year", "Offences", "Basis", "Note"],
                    p.Years.Select(y => (IReadOnlyList<string>)
                    [
                        H(y.Year.Label), y.Value is null ? Unknown("not printed") : N(y.Value), H(y.Basis), H(y.Note),
                    ]), numeric: new HashSet<int> { 1 });
                Raw("<dl class=\"facts\">\n");
                Fact("Three-year total", p.Total is null ? Unknown() : $"{N(p.Total)} ({H(p.TotalBasis)})");
                Fact("Change first to last year", p.GrowthPct is { } g
                    ? H($"{(g >= 0 ? "+" : "")}{g.ToString("0.0", Inv)}% ({p.Years[0].Year.Label} to {p.Years[^1].Year.Label}, derived)")
                    : Unknown("unknown (a yearly figure is not printed)"));
                Fact("Rising every year", p.Rising switch { true => "yes", false => "no", null => Unknown() });
                Fact("Per 100,000 residents", p.RatePer100k is { } rate
                    ? H($"{rate.ToString("0.0", Inv)} over three years (derived: total ÷ {N(p.Population)} residents, ONS mid-{p.PopulationYear})")
                    : Unknown(p.Population is null ? "unknown (no population figure)" : "unknown (no total)"));
                Fact("Charges", p.Charges is { } ch ? $"{N(ch)} ({H(p.ChargesBasis)})" : Unknown("not printed"));
                Fact("Charge rate", p.ChargeRatePct is { } cr
                    ? H($"{cr.ToString("0.0", Inv)}% of the year's offences (derived)")
                    : Unknown(p.Charges is null ? "unknown (no charges printed)" : "unknown (the year's offences are not printed)"));
                Fact("Method notes", p.MethodNotes.Length > 0 ? H(p.MethodNotes) : Unknown("none printed"));
                Fact("Caveats", p.Caveats.Count == 0 ? "none recorded" : "<ul>" + string.Concat(p.Caveats.Select(c => $"<li>{H(c)}</li>")) + "</ul>");
                Raw("</dl>\n");
                Place(f => f.Section == FigureSection.Force && f.ForceId == p.Force.Id);
                if (p.Force.Id == seedForce)
                    Raw("<p>Its offence and outcome figures for the latest year are charted <a href=\"#article-mix\">with the article</a>.</p>\n");
            }
        }

        private void Fact(string term, string html) => Sb.Append("<dt>").Append(H(term)).Append("</dt><dd>").Append(html).Append("</dd>\n");

        public void TotalsAudit()
        {
            H2("totals", "Printed totals checked");
            P("Every printed total against the figures printed beside it. \"No parts printed\" means the total is all that is known.");
            Table(["Force", "File", "Table", "Question", "Row", "Label", "Printed", "Parts add up to", "Parts", "Unknown parts", "Result"],
                study.Totals.Select(t => (IReadOnlyList<string>)
                [
                    H(t.ForceId), H(Rel(t.SourceFile)), t.Table.ToString(Inv), H(t.Question), t.TotalRow.ToString(Inv), H(t.Label),
                    t.Printed is null ? Unknown() : N(t.Printed), t.Parts == 0 ? "" : N(t.PartsSum), t.Parts.ToString(Inv), t.UnknownParts.ToString(Inv),
                    H(t.Status),
                ]), numeric: new HashSet<int> { 2, 4, 6, 7, 8, 9 });
        }

        public void National()
        {
            var n = study.National;
            H2("national", "The national total");
            var printed = n.Printed;
            if (printed.Count == 0) P("No article printed a national total.");
            else
            {
                P("The same request's national total for England and Wales is printed " +
                  (printed.Count > 1 ? $"in {printed.Count} different ways:" : "once:"));
                Raw("<ul>\n");
                foreach (var x in printed)
                    Raw($"<li><strong>more than {H(N(x.AtLeast))}</strong>, printed by {H(string.Join(", ", x.Articles))}.</li>\n");
                Raw("</ul>\n");
            }
            var known = study.Coverage.Known;
            P($"The study gives a three-year total for {n.KnownForces} of the {n.TerritorialForces} territorial forces" +
              (known.Count > 0 ? $": together {N(n.KnownTotal)} ({string.Join(", ", known.Select(k => $"{k.ForceName} {N(k.Total)}"))})" : "") +
              "; for the others it holds none (see what each force gave, above)." +
              (printed.Count == 0 ? "" : (printed.Count == 1 ? " The national figure" : " Neither national figure") +
                  " can be checked from that: " + string.Join("; ", printed.Select(x => n.Describe(x.AtLeast))) + "."));
            if (n.LowestRatePer100k is { } lo && n.HighestRatePer100k is { } hi && n.IfAllAtLowestRate is { } low && n.IfAllAtHighestRate is { } high)
            {
                Raw("<div class=\"illustration\"><strong>Illustration, not an estimate.</strong> ");
                Raw(H($"If every force recorded at the lowest known rate ({lo.ToString("0.0", Inv)} per 100,000 over three years) the national count " +
                      $"would be about {N(low)}; at the highest known rate ({hi.ToString("0.0", Inv)}), about {N(high)} " +
                      $"(England and Wales population {N(n.Population)}, ONS mid-{study.National.PopulationYear}). "));
                Raw(H(string.Join(" ", printed.Select(x => Against(x.AtLeast, low, high)))));
                Raw(H(" The known forces are few and their figures mostly newspapers' figures: these scaled numbers show what is plausible, not what is true."));
                Raw("</div>\n");
            }
        }

        private static string Against(long printed, long low, long high)
        {
            var p = N(printed);
            if (printed > high) return $"More than {p} is above even the highest-rate illustration ({((decimal)printed / high).ToString("0.0", Inv)} times it).";
            if (printed < low) return $"More than {p} is below the lowest-rate illustration.";
            return $"More than {p} lies within the illustrated range.";
        }

        public void OtherArticles(string seedArticleId)
        {
            H2("articles", "Every other article's claims");
            Place(f => f.Section == FigureSection.Verdicts);
            foreach (var article in study.Claims.Select(c => c.ArticleId).Distinct().Where(a => a != seedArticleId).Order(StringComparer.Ordinal))
            {
                var pairs = study.ClaimsOf(article);
                H3("article-" + article, article);
                var url = ArticleUrl(article);
                var doc = ArticleDocument(article);
                Raw("<p>").Raw(url.Length > 0 ? Link(url, "The article") : H("The article (no transcript)"))
                    .Raw(H(doc is null ? "." : $" ({DocSummary(doc)})."))
                    .Raw("</p>\n");
                Table(["Claim", "What the article says", "Printed", "Verdict", "Computed", "Basis", "Note"],
                    pairs.Select(p => (IReadOnlyList<string>)
                    [
                        H(p.Claim.ClaimId), H(p.Claim.Text), H(p.Verdict.Claimed), VerdictBadge(p.Verdict.Kind),
                        p.Verdict.Computed.Length > 0 ? H(p.Verdict.Computed) : Unknown(), H(p.Verdict.Basis), H(p.Verdict.Note),
                    ]));
            }
            // Anything not placed yet (e.g. figures a caller added) still appears, at the end.
            if (figures.Any(f => !Drawn.Contains(f)))
            {
                H3("more-figures", "More figures");
                Place(_ => true);
            }
        }
    }

    private static StringBuilder Raw(this StringBuilder sb, string html) => sb.Append(html);
}
