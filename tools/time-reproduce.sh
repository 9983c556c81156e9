#!/usr/bin/env bash
# Wall time of `foi reproduce`, as recorded in docs/performance.md.
#
#   tools/time-reproduce.sh warm [RUNS]   RUNS runs (default 5) of the built program (Release), median
#   tools/time-reproduce.sh warm-run [RUNS]  the same through the README's main command, `dotnet run
#                                         --project src/FoiKit.Cli -c Release` (with its up-to-date build check)
#   tools/time-reproduce.sh cold [RUNS]   RUNS fresh clones (default 5): the README's main command
#                                         (`dotnet run --project src/FoiKit.Cli -c Release -- reproduce --out out`,
#                                         so restore, build, precompiling and the first run), median
#
# Each run prints its wall time, the load average before it, and reproduce's own "times:" line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-warm}"
RUNS="${2:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d -t foi-timing-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
median() { python3 -c 'import sys, statistics; v = [float(x) for x in sys.argv[1:]]; print(f"median {statistics.median(v):.1f} s (min {min(v):.1f}, max {max(v):.1f}, {len(v)} runs)")' "$@"; }
load() { cut -d' ' -f1 /proc/loadavg; }

walls=()
case "$MODE" in
  warm)
    cd "$ROOT"
    dotnet build src/FoiKit.Cli -c Release -v q -nologo >/dev/null
    FOI="$ROOT/src/FoiKit.Cli/bin/Release/net10.0/foi.dll"
    dotnet "$FOI" reproduce --out "$WORK/out" >/dev/null 2>&1 || true   # the first run stages the notebook library
    for i in $(seq "$RUNS"); do
      l=$(load); start=$(now)
      dotnet "$FOI" reproduce --out "$WORK/out" >"$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
      wall=$(python3 -c "print(f'{$(now) - $start:.2f}')")
      walls+=("$wall")
      echo "warm run $i: ${wall} s (load ${l}); $(grep '^times:' "$WORK/log")"
    done
    ;;
  warm-run)
    cd "$ROOT"
    dotnet run --project src/FoiKit.Cli -c Release -- reproduce --out "$WORK/out" >/dev/null 2>&1 || true
    for i in $(seq "$RUNS"); do
      l=$(load); start=$(now)
      dotnet run --project src/FoiKit.Cli -c Release -- reproduce --out "$WORK/out" >"$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
      wall=$(python3 -c "print(f'{$(now) - $start:.2f}')")
      walls+=("$wall")
      echo "warm run (dotnet run) $i: ${wall} s (load ${l}); $(grep '^times:' "$WORK/log")"
    done
    ;;
  cold)
    for i in $(seq "$RUNS"); do
      rm -rf "$WORK/clone"
      git clone -q "$ROOT" "$WORK/clone"
      dotnet build-server shutdown >/dev/null 2>&1 || true
      cd "$WORK/clone"
      l=$(load); start=$(now)
      dotnet run --project src/FoiKit.Cli -c Release -- reproduce --out out >"$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
      wall=$(python3 -c "print(f'{$(now) - $start:.2f}')")
      walls+=("$wall")
      echo "cold run $i: ${wall} s (load ${l}); $(grep '^times:' "$WORK/log")"
      cd "$ROOT"
    done
    ;;
  *) echo "usage: $0 warm|warm-run|cold [RUNS]" >&2; exit 2 ;;
esac
echo "$MODE: $(median "${walls[@]}")"
