#!/usr/bin/python3
"""Time pandas reading the tidy CSV that `foi bench` left behind (SYNTHETIC data).

    /usr/bin/python3 bench/compare/pandas_read.py /tmp/foi-bench/tidy.csv [--repeat 3]

Use Debian's python3 (apt-get install python3-pandas): the python3 first on PATH may lack pandas.
Prints one JSON object: median seconds and rows per second for
  default  - pd.read_csv(path): types guessed, dates left as text (less work than TidyCsvReader does)
  typed    - dates parsed, the enumeration columns as categories, value as nullable Int64
             (about what TidyCsvReader does: typed observations)
and the process's peak resident memory.
"""
import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time

import pandas as pd

TEXT = ["request_id", "force_id", "force_name", "question", "period_label", "financial_year", "category_label",
        "category_code", "category_name", "category_subgroup", "category_group", "raw_value", "source_file", "source_url"]
CATEGORIES = ["source_kind", "measure", "period_basis", "category_level", "value_status"]


def read_default(path):
    return pd.read_csv(path)


def read_typed(path):
    dtype = {c: "string" for c in TEXT}
    dtype.update({c: "category" for c in CATEGORIES})
    dtype.update({"value": "Int64", "source_table": "int32", "source_row": "int32", "source_column": "Int32"})
    # pandas 1.5 (Debian 12) has no date_format: ISO dates take its fast path anyway.
    return pd.read_csv(path, dtype=dtype, keep_default_na=False,
                       na_values={"value": [""], "source_column": [""], "period_start": [""], "period_end": [""]},
                       parse_dates=["period_start", "period_end"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tidy_csv")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    size = os.path.getsize(args.tidy_csv)
    out = {"tool": "pandas", "pandas": pd.__version__, "python": platform.python_version(), "tidy_csv": args.tidy_csv,
           "bytes": size, "repeat": args.repeat, "load_average_before": os.getloadavg()}
    for name, fn in [("default", read_default), ("typed", read_typed)]:
        seconds, cpu = [], []
        rows = 0
        for _ in range(args.repeat):
            c0, t0 = time.process_time(), time.perf_counter()
            df = fn(args.tidy_csv)
            seconds.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            rows = len(df)
            del df
        med = statistics.median(seconds)
        out[name] = {"rows": rows, "median_s": round(med, 3), "rows_per_s": round(rows / med),
                     "rows_per_cpu_s": round(rows / statistics.median(cpu)), "mb_per_s": round(size / 1e6 / med, 1),
                     "runs_s": [round(s, 3) for s in seconds], "runs_cpu_s": [round(s, 3) for s in cpu]}
    out["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["load_average_after"] = os.getloadavg()
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
