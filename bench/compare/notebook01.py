#!/usr/bin/python3
"""The first-look computations of a notebook 01, in pandas, on a tidy CSV (SYNTHETIC from `foi bench`).

    /usr/bin/python3 bench/compare/notebook01.py /tmp/foi-bench/tidy.csv

notebook01.cs beside this file does the same with FoiKit (TidyCsvReader + LINQ); both print one
JSON object with their timings and their results, so the results can be checked equal
(compare_notebook01.sh does both and checks). The steps:
  1. load the tidy CSV;
  2. count cells by value_status;
  3. question 1 (offences by period), force responses, reported figures only (printed totals
     are never summed): the sum per force and financial year;
  4. question 1a (nature of offences): the ten categories with most offences (official name
     where resolved, else the label as printed);
  5. per force, the share of cells withheld or not available.
No chart is drawn: chart time is the notebooks' own (see docs/performance.md, reproduce).
"""
import time

T0 = time.perf_counter()
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import pandas as pd  # noqa: E402

T_IMPORT = time.perf_counter()

TEXT = ["request_id", "force_id", "force_name", "source_kind", "question", "measure", "period_label", "period_start",
        "period_end", "financial_year", "period_basis", "category_label", "category_level", "category_code",
        "category_name", "category_subgroup", "category_group", "value_status", "raw_value", "source_file", "source_url"]


def main(path):
    t = {}
    c = time.perf_counter()
    df = pd.read_csv(path, dtype={k: str for k in TEXT}, keep_default_na=False, na_values={"value": [""]})
    t["load_s"] = time.perf_counter() - c

    c = time.perf_counter()
    statuses = df["value_status"].value_counts()
    reported = df[(df["source_kind"] == "force_response") & (df["value_status"] == "reported")]
    q1 = reported[reported["question"] == "1"]
    by_year = q1.groupby(["force_id", "financial_year"])["value"].sum()
    q1a = reported[reported["question"] == "1a"]
    category = q1a["category_name"].where(q1a["category_name"] != "", q1a["category_label"])
    top = q1a.groupby(category)["value"].sum().reset_index()
    top.columns = ["category", "value"]
    top = top.sort_values(["value", "category"], ascending=[False, True]).head(10)
    hidden = df["value_status"].isin(["suppressed", "not_available"])
    share = hidden.groupby(df["force_id"]).mean()
    t["compute_s"] = time.perf_counter() - c

    out = {
        "tool": "pandas " + pd.__version__,
        "rows": len(df),
        "import_s": round(T_IMPORT - T0, 3),
        "load_s": round(t["load_s"], 3),
        "compute_s": round(t["compute_s"], 3),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_average": os.getloadavg()[0],
        "results": {
            "statuses": {k: int(v) for k, v in sorted(statuses.items())},
            "q1_force_year_sums": {f"{f}|{y}": int(v) for (f, y), v in sorted(by_year.items())},
            "q1a_top10": [[r.category, int(r.value)] for r in top.itertuples()],
            "hidden_share": {k: round(float(v), 6) for k, v in sorted(share.items())},
        },
    }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
