using System.Text;
using FoiKit.Read;

namespace FoiKit.Pipeline;

/// <summary>
/// The files <see cref="StudyFolder.Create"/> writes into a new study folder: a README of the layout and the
/// next commands, and in <c>claims/</c> a template with the claims columns (contract §4) and a README of them.
/// The template holds no claim (the claims reader has no comment lines), so reading it adds nothing.
/// </summary>
internal static class StudyLayout
{
    public static void Write(StudyFolder study)
    {
        var name = study.Name;
        Save(Path.Combine(study.Path, "README.md"), $$"""
            # {{name}}: a study folder

            Laid out by `foi new-study`. Put your own material here, then run the kit over this folder instead of
            its own `data/`: `foi reproduce --data {{name}}` normalises every answer, checks every claim, and writes
            the notebooks, the report and its figures about your force and your article. The kit's reference tables
            (forces, Home Office offence and outcome lists, populations) and request definitions are always available.

            | folder or file | what goes in it |
            |---|---|
            | `responses/` | each force's own FOI answer: a transcript (`foi-response/1` JSON, `"kind": "force_response"`), or the CSV or XLSX the force sent, with a sidecar `<file>.meta.json` naming its force and request |
            | `articles/` | the figures a newspaper printed, as transcripts with `"kind": "published_article"` |
            | `claims/` | one CSV per article: every figure or statement it made, one row each (start from `claims/{{StudyFolder.ClaimsTemplate}}`; the columns are in `claims/README.md`) |
            | `requests/` | optional: definitions of requests the kit does not know yet |
            | `sources.csv` | optional: where each file came from, with the columns `file,what,source,source_url,date,licence,sha256,notes`; files without a row are named in a warning |

            A sidecar for a spreadsheet a force sent, `responses/answer.xlsx.meta.json`:

            ```json
            { "request": "<a request id: the kit's data/requests/ or this folder's requests/>", "kind": "force_response", "force": "Kent Police", "source_url": "https://…" }
            ```

            Forces may be spelt any way `forces.csv` knows. A table that does not say which question it answers is
            matched to the request's questions by its shape (rows of years, of offence types, of outcomes), and the
            match is named in a warning; a file the kit cannot tell the meaning of is named in a warning with the fix.

            ## Next

            ```sh
            foi normalise {{name}} --out out/tidy.csv                # what the kit reads; unusable cells go to the rejects ledger, with the reason
            foi check-claims --claims {{name}}/claims --data {{name}} --out out/verdicts.csv
            foi reproduce --data {{name}} --force "<force>" --article <article id> --out out
            ```

            From a checkout of the kit, `foi` is `dotnet run --project src/FoiKit.Cli --`, run from the checkout's folder.

            """);
        Save(Path.Combine(study.ClaimsFolder, StudyFolder.ClaimsTemplate), string.Join(',', ClaimsReader.Columns) + "\n");
        Save(Path.Combine(study.ClaimsFolder, "README.md"), $$"""
            # Claims

            One CSV per article, with this header (as in `{{StudyFolder.ClaimsTemplate}}`, which holds no claim yet):

            ```
            {{string.Join(',', ClaimsReader.Columns)}}
            ```

            | column | what it holds |
            |---|---|
            | `claim_id` | a unique id, e.g. `mypaper-01` |
            | `article_id` | the article the claim comes from, the same on every row of the file, e.g. `my-paper-kent` |
            | `force` | the force the claim is about, any spelling, or `England and Wales` for a national figure |
            | `measure` | `offences`, `outcomes` or `charges` |
            | `kind` | `count` (one figure), `total` (over the periods), `growth_pct` (first to last period), `rising` (every period above the one before), `most_common`, `at_least` ("more than N"), `share`, `highest` |
            | `category_label` | the offence type or outcome as printed; empty for a figure about all offences |
            | `period_label` | as printed: `2023/24`, `since 2021`, `in the last three years`, … |
            | `value` | as printed: `120`, `73` for 73%, `nine`, `nearly 50`; empty for `rising`, `most_common` and `highest` |
            | `text` | a short paraphrase of the sentence (not a copy of the article's text) |

            A row, to show the form (made up; not a real claim):

            ```
            mypaper-01,my-paper-kent,Kent Police,offences,total,,since 2021,120,The paper says 120 offences were recorded since 2021.
            ```

            `foi reproduce --data <study> --article my-paper-kent` follows that article's claims.

            """);
    }

    /// <summary>UTF-8 without a byte-order mark, '\n' line ends, so the files read the same on every system.</summary>
    private static void Save(string path, string text) =>
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
}
