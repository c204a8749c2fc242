#!/bin/sh
# Pre-2000 search, round 4 (session 7, docs/nowcast.md "Settings search, round 4"): round 3's main candidates again,
# now with the estimator the evaluation and the job use since session 6 (each year's EM from that year's principal
# components, tolerance 1e-4); round 3 had scored them with the warm-started chain. Each candidate is scored in pseudo-real
# time on 1985Q1–1999Q4 only. Criterion, fixed before the runs: the mean of the month-1/2/3 RMSEs; within 0.01 of the
# best, the simpler model wins. The baseline (the frozen NowcastDefaults.Us) was scored under this estimator in session 6:
# 1.722 / 1.552 / 1.385, mean 1.553 (docs/benchmarks.md).
# Usage: bench/nowcast/search3.sh DATASETS_DIR [OUT_DIR] [MONITOR]   (MONITOR: default the Release build of src/Monitor.Cli)
set -eu
DATA=$1
OUT=${2:-bench/out/nowcast-search3}
MONITOR=${3:-dotnet src/Monitor.Cli/bin/Release/net10.0/linux-x64/monitor.dll}
mkdir -p "$OUT"
RL="real=INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,AMDMNOx,CMRMTSPLx,HOUST,PERMIT;labour=PAYEMS,UNRATE,AWHMAN,CLAIMSx"
run() {
  name=$1; shift
  grep -q '^overall' "$OUT/$name.txt" 2>/dev/null ||
    $MONITOR evaluate-nowcast --datasets "$DATA" --from 1985Q1 --to 1999Q4 --quiet --shards 2 --threads 2 "$@" > "$OUT/$name.txt" ||
    { echo "$name: $(tail -1 "$OUT/$name.txt")"; return 0; }
  awk -v n="$name" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '/^overall/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    /^run:/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "wall_s") wall = kv[2] } }
    END { printf "%-16s m1=%s m2=%s m3=%s mean=%.3f ratio_m3=%s cov80=%s wall_s=%s load=%s\n", n, v["rmse_m1"], v["rmse_m2"], v["rmse_m3"], (v["rmse_m1"] + v["rmse_m2"] + v["rmse_m3"]) / 3, v["ratio_m3"], v["cov80"], wall, load }' "$OUT/$name.txt"
}
# simplest first: one factor (the session-3 structure), its AR order; then the blocks' variants
run one-p2 --blocks "" --factor-order 2
run one-p1 --blocks "" --factor-order 1
run blocks-p2 --factor-order 2
run blocks-rl --blocks "$RL"
run blocks-s1970 --sample-start 1970-01
run blocks-target-all --target-on-blocks
