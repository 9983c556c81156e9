#!/usr/bin/python3
"""Times what a user waits for in Jupyter: a fresh .NET Interactive kernel, then a notebook's code cells
run one by one until the first one that draws a chart (a text/html output calling Plotly.newPlot).

    /usr/bin/python3 tools/first_chart.py NOTEBOOK.ipynb [RUNS]

Needs the .net-csharp kernel visible to Jupyter (tools/first-chart.sh sets that up). Prints one line per
run and, last, one JSON object: kernel_start_s (start to kernel ready), first_cell_to_first_chart_s
(first code cell sent to the chart cell's reply), open_to_first_chart_s (both), medians over the runs.
"""
import json, os, statistics, subprocess, sys, time

import nbformat
from jupyter_client.manager import start_new_kernel


def run_once(nb_path):
    nb = nbformat.read(nb_path, as_version=4)
    opened = time.monotonic()
    km, kc = start_new_kernel(kernel_name=".net-csharp", cwd=os.path.dirname(os.path.abspath(nb_path)), startup_timeout=300,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = time.monotonic()
    first_sent = None
    cells = []
    try:
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            sent = time.monotonic()
            first_sent = first_sent or sent
            msg_id = kc.execute(cell.source)
            chart = failed = False
            while True:
                msg = kc.get_iopub_msg(timeout=600)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind in ("display_data", "execute_result", "update_display_data"):
                    chart = chart or "newPlot" in content.get("data", {}).get("text/html", "")
                elif kind == "error":
                    failed = True
                elif kind == "status" and content.get("execution_state") == "idle":
                    break
            done = time.monotonic()
            cells.append(round(done - sent, 3))
            if failed:
                raise SystemExit(f"{nb_path}: code cell {len(cells)} failed in Jupyter")
            if chart:
                return {"kernel_start_s": round(ready - opened, 3), "first_cell_to_first_chart_s": round(done - first_sent, 3),
                        "open_to_first_chart_s": round(done - opened, 3), "cells_s": cells}
        raise SystemExit(f"{nb_path}: no code cell drew a chart")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    results = []
    for i in range(runs):
        r = run_once(path)
        print(f"run {i + 1}: kernel {r['kernel_start_s']} s, first cell to first chart {r['first_cell_to_first_chart_s']} s "
              f"(cells {r['cells_s']}), load {os.getloadavg()[0]:.1f}", file=sys.stderr)
        results.append(r)
    summary = {"notebook": os.path.basename(path), "runs": runs}
    for key in ("kernel_start_s", "first_cell_to_first_chart_s", "open_to_first_chart_s"):
        summary[key] = round(statistics.median(r[key] for r in results), 3)
        summary[key[:-2] + "_runs_s"] = [r[key] for r in results]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
