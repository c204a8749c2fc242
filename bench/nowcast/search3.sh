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
. "$(dirname "$0")/score.sh"
# simplest first: one factor (the session-3 structure), its AR order; then the blocks' variants
run one-p2 --blocks "" --factor-order 2
run one-p1 --blocks "" --factor-order 1
run blocks-p2 --factor-order 2
run blocks-rl --blocks "$RL"
run blocks-s1970 --sample-start 1970-01
run blocks-target-all --target-on-blocks
