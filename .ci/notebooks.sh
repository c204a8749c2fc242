#!/usr/bin/env bash
# Runs every notebook in notebooks/ headlessly with dotnet-repl (a local tool, .config/dotnet-tools.json) against the
# project's own Debug build; fails, naming the notebook and the cell error, when any cell throws.
#   bash .ci/notebooks.sh --prepare   only builds and lays out notebooks/.lib (for running notebooks in an editor)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore >/dev/null
dotnet build src/Monitor.Cli -nologo -v quiet >/dev/null

# notebooks/.lib: the command line's build plus the ASP.NET Core shared framework it runs on (the notebook kernel runs
# on Microsoft.NETCore.App only, so assemblies such as Microsoft.Extensions.Hosting must be beside the project's).
build=$(ls -d src/Monitor.Cli/bin/Debug/net10.0/linux-* 2>/dev/null | head -1)
[ -n "$build" ] || build=src/Monitor.Cli/bin/Debug/net10.0
lib=notebooks/.lib
rm -rf "$lib" && mkdir -p "$lib"
cp -r "$build"/. "$lib"/
aspnet=$(dotnet --list-runtimes | awk '/^Microsoft.AspNetCore.App 10\./ { version = $2; folder = $3 } END { gsub(/[\[\]]/, "", folder); print folder "/" version }')
if [ -d "$aspnet" ]; then cp -n "$aspnet"/*.dll "$lib"/; fi
[ "${1:-}" = "--prepare" ] && { echo "notebooks/.lib ready"; exit 0; }

export MONITOR_DATASETS="${MONITOR_DATASETS:-$(cd .. && pwd)/shared/datasets}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for notebook in notebooks/*.ipynb; do
  name=$(basename "$notebook" .ipynb)
  export MONITOR_NOTEBOOK_STORE="$out/$name.duckdb"   # each notebook gets a fresh scratch store
  start=$(date +%s)
  if (cd notebooks && timeout 900 dotnet dotnet-repl --run "$name.ipynb" --exit-after-run --output-path "$out/$name.out.ipynb" >"$out/$name.log" 2>&1); then
    echo "notebook $name: ok ($(( $(date +%s) - start )) s)"
  else
    status=1
    echo "notebook $name: FAILED"
    if command -v python3 >/dev/null && [ -f "$out/$name.out.ipynb" ]; then
      python3 -c 'import json,sys
for cell in json.load(open(sys.argv[1]))["cells"]:
    for o in cell.get("outputs", []):
        if o.get("output_type") == "error": print("  cell error:", o.get("evalue", "")[:500])' "$out/$name.out.ipynb"
    else
      tail -20 "$out/$name.log"
    fi
  fi
done
exit $status
