#!/bin/sh
# Pre-2000 search for the US nowcast's indicators and settings (docs/nowcast.md): every candidate is evaluated in
# pseudo-real time on 1985Q1–1999Q4 only, with data that ends in 1999Q4 — nothing from the 2000–2019 evaluation period.
# Usage: bench/nowcast/search.sh DATASETS_DIR [OUT_DIR]   (needs a Release build of src/Monitor.Cli)
set -eu
DATA=$1
OUT=${2:-bench/out/nowcast-search}
mkdir -p "$OUT"
MONITOR="dotnet src/Monitor.Cli/bin/Release/net10.0/linux-x64/monitor.dll"
PEER="PAYEMS,UNRATE,AWHMAN,CLAIMSx,INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,HOUST,PERMIT,AMDMNOx,CMRMTSPLx,UMCSENTx,S&P 500,T10YFFM,BAAFFM,CPIAUCSL,PPICMM,M2REAL"
REAL="PAYEMS,UNRATE,AWHMAN,CLAIMSx,INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,HOUST,PERMIT,AMDMNOx,CMRMTSPLx,UMCSENTx,S&P 500,T10YFFM,BAAFFM"
WIDE="$REAL,USGOOD,MANEMP,CE16OV,IPFINAL,IPMANSICS,AWOTMAN,BUSINVx,ANDENOx,USTRADE,SRVPRD"
BLOCKS="real=INDPRO,CUMFNS,RETAILx,DPCERA3M086SBEA,W875RX1,AMDMNOx,CMRMTSPLx,HOUST,PERMIT;labour=PAYEMS,UNRATE,AWHMAN,CLAIMSx"
run() { name=$1; shift; $MONITOR evaluate-nowcast --datasets "$DATA" --from 1985Q1 --to 1999Q4 --quiet --db "$OUT/scratch.duckdb" "$@" > "$OUT/$name.txt"; echo "$name: $(tail -1 "$OUT/$name.txt")"; }
run A-peer20-p2 --indicators "$PEER"
run B-peer20-p1 --indicators "$PEER" --factor-order 1
run C-real17-p2 --indicators "$REAL"
run D-wide27-p2 --indicators "$WIDE"
run E-real17-blocks --indicators "$REAL" --blocks "$BLOCKS"
run F-real17-1984 --indicators "$REAL" --sample-start 1975-01
# round 2: slowly moving means (trend growth) instead of one constant mean since 1960
run G-peer20-targetmean40q --indicators "$PEER" --target-mean-quarters 40
run H-peer20-allmeans120m --indicators "$PEER" --target-mean-quarters 40 --indicator-mean-months 120
