using FoiKit.Charts.Export;
using PuppeteerSharp;

namespace FoiKit.Charts.Tests;

/// <summary>
/// The report passes the WCAG 2 A and AA rules of axe-core (npm package, pinned in tools/a11y/package-lock.json),
/// run in the same headless browser that draws the figures. Locally the test is skipped, saying why, where the browser
/// or axe-core is missing (<c>npm ci --prefix tools/a11y</c> installs it); CI sets FOIKIT_REQUIRE_A11Y=1 and installs
/// both, so there it cannot skip.
/// </summary>
public class ReportAccessibilityTests
{
    [SkippableFact]
    public async Task The_report_passes_axe_cores_wcag_2_a_and_aa_rules()
    {
        var browser = BrowserLocator.Find(out var reason);
        var axe = Path.Combine(Repo.Root, "tools", "a11y", "node_modules", "axe-core", "axe.min.js");
        var required = Environment.GetEnvironmentVariable("FOIKIT_REQUIRE_A11Y") == "1";
        if (required)
        {
            Assert.True(browser is not null, "FOIKIT_REQUIRE_A11Y=1 but no browser: " + reason);
            Assert.True(File.Exists(axe), "FOIKIT_REQUIRE_A11Y=1 but axe-core is not installed: npm ci --prefix tools/a11y");
        }
        Skip.If(browser is null, "No browser on this machine: " + reason);
        Skip.If(!File.Exists(axe), "axe-core is not installed: run npm ci --prefix tools/a11y");

        var dir = Directory.CreateTempSubdirectory("foikit-a11y-");
        try
        {
            await ReportWriter.WriteAsync(Repo.Study, dir.FullName, new StringWriter());
            await using var chromium = await HeadlessBrowser.LaunchAsync(browser!);
            var page = await chromium.OpenAsync(new Uri(Path.Combine(dir.FullName, "report.html")).AbsoluteUri);
            await page.AddScriptTagAsync(new AddTagOptions { Path = axe });

            // One axe run: the rules broken (each with its elements) and how many rules passed.
            var outcome = await page.EvaluateExpressionAsync<string[]>(
                "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })" +
                ".then(r => [JSON.stringify(r.violations.map(v => v.id + ' (' + v.nodes.length + ' element(s), first ' + v.nodes[0].target.join(' ') + '): ' + v.help)), String(r.passes.length)])");
            var violations = outcome[0];
            var checkedRules = int.Parse(outcome[1], System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(violations == "[]", "report.html breaks WCAG 2 rules: " + violations);
            // The check is real: rules ran and passed on the page (colour contrast, table headers, image alternatives...).
            Assert.True(checkedRules >= 10, $"only {checkedRules} axe rule(s) passed");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
