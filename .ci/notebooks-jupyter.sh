#!/usr/bin/env bash
# Executes every notebook in notebooks/ through the real external client: Jupyter (nbconvert) with the
# .NET Interactive kernel, exactly as committed (nothing is rewritten for CI). Fails on any cell error.
#
#   .ci/notebooks-jupyter.sh [OUT_DIR]        executed copies go to OUT_DIR (default: out/jupyter)
#
# Needs: the Debian packages jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel, the
# .NET 10 SDK with the ASP.NET Core 10 runtime, and the kit's dlls in artifacts/notebook-lib/ (filled by
# `foi reproduce`; run here first if they are missing). The kernel comes from the repository's local tool
# manifest (dotnet-tools.json: Microsoft.dotnet-interactive 1.0.712001), installed into .jupyter-kernels/
# (gitignored) by tools/jupyter-kernel.sh: precompiled, and bound to loopback only (--http-local-only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/out/jupyter}"
KERNELS="$ROOT/.jupyter-kernels"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PYDEVD_DISABLE_FILE_VALIDATION=1
cd "$ROOT"

for tool in jupyter python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "notebooks-jupyter: '$tool' is not installed (apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)" >&2; exit 1; }
done

if [[ ! -f artifacts/notebook-lib/FoiKit.Notebooks.dll ]]; then
  echo "notebooks-jupyter: artifacts/notebook-lib/ is empty; running foi reproduce once to build and stage the kit"
  dotnet run --project src/FoiKit.Cli -c Release -- reproduce --out "$OUT/reproduce"
fi

# The kernel: the tool manifest's .NET Interactive, precompiled and bound to loopback (--http-local-only).
tools/jupyter-kernel.sh
export JUPYTER_PATH="$KERNELS"
jupyter kernelspec list | grep -q '\.net-csharp' || { echo "notebooks-jupyter: the .net-csharp kernel is not visible to Jupyter" >&2; exit 1; }

mkdir -p "$OUT"
failed=0
for nb in notebooks/[0-9][0-9]-*.ipynb; do
  name="$(basename "$nb")"
  start=$(date +%s)
  if jupyter nbconvert --to notebook --execute \
       --ExecutePreprocessor.kernel_name=.net-csharp \
       --ExecutePreprocessor.timeout=600 \
       --ExecutePreprocessor.record_timing=False \
       --output-dir "$OUT" "$nb" >"$OUT/${name%.ipynb}.log" 2>&1; then
    # nbconvert stops at a failing cell; an error output that did not stop it is a failure too.
    if python3 - "$OUT/$name" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
bad = [(i + 1, o.get("ename", ""), o.get("evalue", "")) for i, c in enumerate(nb["cells"])
       for o in c.get("outputs", []) if o.get("output_type") == "error"]
for cell, name, value in bad:
    print(f"  cell {cell}: {name}: {value}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
    then
      echo "ok   $name ($(( $(date +%s) - start )) s) -> $OUT/$name"
    else
      echo "FAIL $name: error output in the executed notebook ($OUT/$name)" >&2
      failed=$((failed + 1))
    fi
  else
    echo "FAIL $name: a cell failed; see $OUT/${name%.ipynb}.log" >&2
    tail -n 25 "$OUT/${name%.ipynb}.log" >&2
    failed=$((failed + 1))
  fi
done

if [[ $failed -gt 0 ]]; then
  echo "notebooks-jupyter: $failed notebook(s) failed" >&2
  exit 1
fi
echo "notebooks-jupyter: every notebook ran without errors in Jupyter"
