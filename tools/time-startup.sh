#!/usr/bin/env bash
# Start-up of a one-shot `foi normalise data/ --out <tmp>/tidy.csv`, as recorded in docs/performance.md:
# wall seconds and peak resident memory (/usr/bin/time -f "%e %M"), CPU seconds beside them, and the
# assemblies the process loaded (FOIKIT_LOADED_ASSEMBLIES).
#
#   tools/time-startup.sh [RUNS] [REPOSITORY]   RUNS runs (default 9) of REPOSITORY's built program
#                                               (default: this one; build it first with -c Release)
#
# To compare two builds, run it for each, alternating, and compare the medians.
set -euo pipefail
RUNS="${1:-9}"
ROOT="$(cd "${2:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)"
FOI="$ROOT/src/FoiKit.Cli/bin/Release/net10.0/foi.dll"
[ -f "$FOI" ] || { echo "no $FOI: dotnet build src/FoiKit.Cli -c Release first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
WORK="$(mktemp -d -t foi-startup-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "%e %M %U %S" -a -o "$WORK/times" dotnet "$FOI" normalise data/ --out "$WORK/tidy.csv" >/dev/null 2>&1
done
FOIKIT_LOADED_ASSEMBLIES="$WORK/loaded" dotnet "$FOI" normalise data/ --out "$WORK/tidy.csv" >/dev/null 2>&1
python3 - "$WORK/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
wall = [float(r[0]) for r in rows]; rss = [int(r[1]) / 1024 for r in rows]; cpu = [float(r[2]) + float(r[3]) for r in rows]
print(f"wall   median {statistics.median(wall):.2f} s (min {min(wall):.2f}, max {max(wall):.2f}, {len(rows)} runs)")
print(f"memory median {statistics.median(rss):.1f} MB peak RSS (min {min(rss):.1f}, max {max(rss):.1f})")
print(f"CPU    median {statistics.median(cpu):.2f} s user + system")
PY
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$WORK/loaded" ] || { echo "loaded: (this build does not list them: FOIKIT_LOADED_ASSEMBLIES is newer)"; exit 0; }
# The framework's own assemblies (System.*, Microsoft.Win32.*) are left out of the list; System.CommandLine is a package.
echo "loaded (not the framework's): $({ grep -x 'System.CommandLine' "$WORK/loaded" || true; grep -v -E '^(System|Microsoft\.Win32|netstandard|mscorlib)(\.|$)' "$WORK/loaded"; } | sort | tr '\n' ' ')"
