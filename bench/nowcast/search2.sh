#!/bin/sh
# Second pre-2000 search (session 5, docs/nowcast.md "Settings search, round 3"): every candidate is scored in pseudo-real
# time on 1985Q1–1999Q4 only (the estimation and the past-error windows end at each nowcast's date, so nothing after
# 1999Q4 is read). Criterion: the mean of the month-1/2/3 RMSEs; ties go to the simpler model.
# Usage: bench/nowcast/search2.sh DATASETS_DIR [OUT_DIR] [MONITOR]   (MONITOR: default the Release build of src/Monitor.Cli)
set -eu
DATA=$1
OUT=${2:-bench/out/nowcast-search2}
MONITOR=${3:-dotnet src/Monitor.Cli/bin/Release/net10.0/linux-x64/monitor.dll}
mkdir -p "$OUT"
PEER="PAYEMS,UNRATE,AWHMAN,CLAIMSx,INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,HOUST,PERMIT,AMDMNOx,CMRMTSPLx,UMCSENTx,S&P 500,T10YFFM,BAAFFM,CPIAUCSL,PPICMM,M2REAL"
REAL="PAYEMS,UNRATE,AWHMAN,CLAIMSx,INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,HOUST,PERMIT,AMDMNOx,CMRMTSPLx,UMCSENTx,S&P 500,T10YFFM,BAAFFM"
HARD="PAYEMS,UNRATE,AWHMAN,CLAIMSx,INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,HOUST,PERMIT,AMDMNOx,CMRMTSPLx"
NYFED="real=INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,AMDMNOx,CMRMTSPLx,HOUST,PERMIT;labour=PAYEMS,UNRATE,AWHMAN,CLAIMSx;nominal=CPIAUCSL,PPICMM,M2REAL;financial=S&P 500,T10YFFM,BAAFFM,UMCSENTx"
run() {
  name=$1; shift
  # a candidate already scored is not run again (the search can be resumed); a failed one prints its reason
  grep -q '^overall' "$OUT/$name.txt" 2>/dev/null ||
    $MONITOR evaluate-nowcast --datasets "$DATA" --from 1985Q1 --to 1999Q4 --quiet "$@" > "$OUT/$name.txt" ||
    { echo "$name: $(tail -1 "$OUT/$name.txt")"; return 0; }
  awk -v n="$name" '/^overall/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    /^band/ { split($3, kv, "="); model = kv[2] }
    END { printf "%-28s m1=%s m2=%s m3=%s mean=%.3f ratio_m3=%s cov80=%s cov80_model=%s\n", n, v["rmse_m1"], v["rmse_m2"], v["rmse_m3"], (v["rmse_m1"] + v["rmse_m2"] + v["rmse_m3"]) / 3, v["ratio_m3"], v["cov80"], model }' "$OUT/$name.txt"
}
# round 3a: one change at a time from the session-3 choice (peer's 20, AR(2), one factor, expanding from 1960, 20-quarter error band)
run base --indicators "$PEER"
run p1 --indicators "$PEER" --factor-order 1
run p3 --indicators "$PEER" --factor-order 3
run p4 --indicators "$PEER" --factor-order 4
run f2 --indicators "$PEER" --factors 2
run f3 --indicators "$PEER" --factors 3
run w10 --indicators "$PEER" --estimation-window-years 10
run w15 --indicators "$PEER" --estimation-window-years 15
run w20 --indicators "$PEER" --estimation-window-years 20
run w25 --indicators "$PEER" --estimation-window-years 25
run s1970 --indicators "$PEER" --sample-start 1970-01
run bias20 --indicators "$PEER" --bias-window-quarters 20
run bias12 --indicators "$PEER" --bias-window-quarters 12
run bias24 --indicators "$PEER" --bias-window-quarters 24
run tmean80 --indicators "$PEER" --target-mean-quarters 80
run nyfed-blocks --indicators "$PEER" --blocks "$NYFED" --target-on-blocks
run nyfed-blocks-g --indicators "$PEER" --blocks "$NYFED"
run real17 --indicators "$REAL"
run hard13 --indicators "$HARD"
run err12 --indicators "$PEER" --error-window-quarters 12
run err28 --indicators "$PEER" --error-window-quarters 28
run err40 --indicators "$PEER" --error-window-quarters 40
# round 3b: around the best of 3a (NY Fed-style blocks, the target on the global factor only)
RL="real=INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,AMDMNOx,CMRMTSPLx,HOUST,PERMIT;labour=PAYEMS,UNRATE,AWHMAN,CLAIMSx"
NF="nominal=CPIAUCSL,PPICMM,M2REAL;financial=S&P 500,T10YFFM,BAAFFM,UMCSENTx"
run blocks-rl --indicators "$PEER" --blocks "$RL"
run blocks-nf --indicators "$PEER" --blocks "$NF"
run blocks-p1 --indicators "$PEER" --blocks "$NYFED" --factor-order 1
run blocks-w20 --indicators "$PEER" --blocks "$NYFED" --estimation-window-years 20
run blocks-w15 --indicators "$PEER" --blocks "$NYFED" --estimation-window-years 15
run blocks-bias20 --indicators "$PEER" --blocks "$NYFED" --bias-window-quarters 20
run blocks-s1970 --indicators "$PEER" --blocks "$NYFED" --sample-start 1970-01
run blocks-err12 --indicators "$PEER" --blocks "$NYFED" --error-window-quarters 12
