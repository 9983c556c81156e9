#!/usr/bin/env bash
# Times a fresh notebook to its first chart in Jupyter, as a reader waits for it: a new .NET Interactive
# kernel (this repository's, from tools/jupyter-kernel.sh), then the code cells one by one until one draws
# a chart. In-process figures for the same thing come from `foi bench` (first_cell_to_first_chart_s).
#
#   tools/first-chart.sh [NOTEBOOK] [RUNS]     default: notebooks/01-reproduce-the-article.ipynb, 5 runs
#
# Prints each run and, last, a JSON line with the medians. Needs the kit staged in artifacts/notebook-lib/
# (run the README's main command once) and Debian's python3-nbformat and jupyter-client (/usr/bin/python3).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
notebook="${1:-notebooks/01-reproduce-the-article.ipynb}"
runs="${2:-5}"
[[ -f artifacts/notebook-lib/FoiKit.Notebooks.dll ]] || { echo "first-chart: artifacts/notebook-lib/ is empty: run the README's main command (foi reproduce) once" >&2; exit 1; }
tools/jupyter-kernel.sh
JUPYTER_PATH="$ROOT/.jupyter-kernels" /usr/bin/python3 tools/first_chart.py "$notebook" "$runs"
