#!/usr/bin/env bash
# Times pandas and FoiKit on the tidy CSV that `foi bench` left (SYNTHETIC data), and checks that the
# notebook-01 computations give the same results in both. Usage: bench/compare/compare.sh [tidy.csv]
# Needs Debian's python3 with pandas (apt-get install -y python3-pandas): /usr/bin/python3, not pyenv's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tidy="${1:-${TMPDIR:-/tmp}/foi-bench/tidy.csv}"
out="$(dirname "$tidy")"
[ -f "$tidy" ] || { echo "no $tidy: run 'foi bench --quick --json' first" >&2; exit 1; }
echo "== pandas read_csv ($tidy)" >&2
/usr/bin/python3 "$here/pandas_read.py" "$tidy" --repeat 3 | tee "$out/pandas_read.json"
echo "== notebook 01 computations: pandas" >&2
/usr/bin/python3 "$here/notebook01.py" "$tidy" | tee "$out/notebook01.pandas.json"
echo "== notebook 01 computations: FoiKit" >&2
dotnet build -c Release "$here/notebook01.cs" >/dev/null
dotnet run -c Release --no-build "$here/notebook01.cs" -- "$tidy" | tee "$out/notebook01.foikit.json"
/usr/bin/python3 - "$out/notebook01.pandas.json" "$out/notebook01.foikit.json" <<'PY'
import json, sys
a, b = (json.load(open(p))["results"] for p in sys.argv[1:3])
same = all(a[k] == b[k] for k in a)
print("results identical" if same else "RESULTS DIFFER: " + ", ".join(k for k in a if a[k] != b[k]), file=sys.stderr)
sys.exit(0 if same else 1)
PY
