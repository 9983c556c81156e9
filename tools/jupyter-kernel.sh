#!/usr/bin/env bash
# Installs this repository's Jupyter kernel for the notebooks into .jupyter-kernels/ (gitignored):
#
#   tools/jupyter-kernel.sh            then: JUPYTER_PATH="$PWD/.jupyter-kernels" jupyter ...
#
# - the .NET Interactive kernel of the repository's tool manifest (dotnet-tools.json), run straight from
#   its package (no global tool, no `dotnet interactive` lookup from the notebook's folder);
# - its HTTP ports bound to loopback only (--http-local-only; by default it listens on every interface);
# - precompiled (ReadyToRun, with the SDK's crossgen2) into .jupyter-kernels/dotnet-interactive-<version>/:
#   the package ships IL only, so a fresh kernel spent about 2 s JIT-compiling the C# compiler before the
#   first cell could run. Done once per kernel version and runtime (a stamp file says which); about
#   2 minutes on two cores. Without crossgen2 (restored by `dotnet build src/FoiKit.Cli -c Release`) the
#   kernel runs as shipped, just slower to its first cell;
# - workstation GC and no tiered PGO (DOTNET_gcServer=0, DOTNET_TieredPGO=0): the package asks for server
#   GC, which suits a web server, not a short interactive process on a small machine.
# The measurements behind each choice are in docs/performance.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KERNELS="$ROOT/.jupyter-kernels"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$ROOT"

say() { echo "jupyter-kernel: $*" >&2; }

dotnet tool restore >/dev/null
version="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tools"]["microsoft.dotnet-interactive"]["version"])' dotnet-tools.json)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
app="$(ls -d "$packages"/microsoft.dotnet-interactive/"$version"/tools/net*/any/Microsoft.DotNet.Interactive.App.dll 2>/dev/null | sort -V | tail -n 1 || true)"
[[ -n "$app" ]] || { say "the kernel package microsoft.dotnet-interactive $version is not in $packages after 'dotnet tool restore'"; exit 1; }
tool="$(dirname "$app")"

# The runtime the kernel will run on (its runtimeconfig asks for Microsoft.NETCore.App of its major version).
major="$(basename "$(dirname "$tool")" | sed -E 's/^net([0-9]+)\..*/\1/')"
runtime="$(dotnet --list-runtimes | awk -v m="$major." '$1 == "Microsoft.NETCore.App" && index($2, m) == 1 { v = $2; d = $3 } END { if (v) print v " " d }' | tr -d '[]')"
[[ -n "$runtime" ]] || { say ".NET $major runtime not found (dotnet --list-runtimes)"; exit 1; }
runtime_version="${runtime%% *}"
framework="${runtime#* }/$runtime_version"
aspnet="$(dirname "$(dirname "$framework")")/Microsoft.AspNetCore.App/$runtime_version"

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch="" ;;
esac
crossgen="$(ls -d "$packages"/microsoft.netcore.app.crossgen2.linux-"$arch"/"$major".*/tools/crossgen2 2>/dev/null | sort -V | tail -n 1 || true)"

precompiled="$KERNELS/dotnet-interactive-$version"
stamp="microsoft.dotnet-interactive $version, precompiled for Microsoft.NETCore.App $runtime_version linux-$arch"
if [[ -f "$precompiled/.precompiled" && "$(cat "$precompiled/.precompiled")" == "$stamp" ]]; then
  app="$precompiled/Microsoft.DotNet.Interactive.App.dll"
elif [[ "$(uname -s)" == Linux && -n "$arch" && -n "$crossgen" && -d "$aspnet" ]]; then
  say "precompiling the kernel ($version) with $(basename "$(dirname "$(dirname "$crossgen")")") crossgen2: once, about 2 minutes"
  started=$(date +%s)
  work="$KERNELS/.precompiling"
  rm -rf "$work" "$precompiled"
  mkdir -p "$work/il" "$work/r2r"
  cp -r "$tool/." "$work/il/"
  # One crossgen2 per assembly, one per core. An assembly it cannot compile (none in 1.0.712001) stays IL.
  (cd "$work/il" && ls ./*.dll | xargs -P "$(nproc)" -I{} sh -c \
    '"$1" "$2" -o "$3/$2" -r "$4/*.dll" -r "$5/*.dll" -r "./*.dll" --targetos:linux --targetarch:"$6" -O >"$3/$2.log" 2>&1 || rm -f "$3/$2"' \
    _ "$crossgen" {} "$work/r2r" "$framework" "$aspnet" "$arch")
  compiled=$(ls "$work/r2r"/*.dll 2>/dev/null | wc -l)
  cp "$work/r2r"/*.dll "$work/il/" 2>/dev/null || true
  mv "$work/il" "$precompiled"
  rm -rf "$work"
  echo "$stamp" >"$precompiled/.precompiled"
  say "$compiled of $(ls "$precompiled"/*.dll | wc -l) assemblies precompiled in $(( $(date +%s) - started )) s"
  app="$precompiled/Microsoft.DotNet.Interactive.App.dll"
else
  say "crossgen2 for .NET $major not found in $packages (run 'dotnet build src/FoiKit.Cli -c Release' once to restore it): the kernel runs as shipped, slower to its first cell"
fi

rm -rf "$KERNELS/kernels"
mkdir -p "$KERNELS/kernels"
dotnet "$app" jupyter install --path "$KERNELS/kernels" >/dev/null
for spec in "$KERNELS"/kernels/.net-*/kernel.json; do
  python3 - "$spec" "$app" <<'PY'
import json, sys
path, app = sys.argv[1], sys.argv[2]
spec = json.load(open(path))
argv = spec["argv"]
# ["dotnet", "interactive", "jupyter", ...] -> ["dotnet", "<this kernel's dll>", "jupyter", ...]
if argv[:2] == ["dotnet", "interactive"]:
    argv[1:2] = [app]
elif argv[:1] == ["dotnet"] and argv[1].endswith(".dll"):
    argv[1] = app
else:
    sys.exit(f"{path}: unexpected kernel command {argv[:3]}")
if "--http-local-only" not in argv:
    argv.insert(argv.index("{connection_file}") + 1, "--http-local-only")
spec.setdefault("env", {}).update({
    "DOTNET_gcServer": "0",
    "DOTNET_TieredPGO": "0",
    "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    "DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT": "1",
})
json.dump(spec, open(path, "w"), indent=2)
PY
  grep -q -- "--http-local-only" "$spec" || { say "could not patch $spec"; exit 1; }
done
say "kernels in $KERNELS/kernels (use JUPYTER_PATH=$KERNELS), running $app"
