#!/bin/sh
# Pre-2000 search, round 5 (session 8, docs/nowcast.md "Settings search, round 5"): a floor on each series'
# idiosyncratic innovation variance in EM (`--idio-floor F`, a share of the series' standardised variance; a quarterly
# series' share divided by the sum of its squared aggregation weights). Why: near-exact fits (HOUST/PERMIT-like pairs)
# let a series' estimated noise collapse towards zero, and the factor then follows that one series. Everything else
# is the frozen NowcastDefaults.Us (round 4: real + labour blocks, AR(1), from 1960, GDP on the global factor, each
# year's EM from its principal components, tolerance 1e-4). Each candidate is scored in pseudo-real time on
# 1985Q1–1999Q4 only.
# Criterion, fixed and committed before the runs: the mean of the month-1/2/3 RMSEs; within 0.01 of the best, the
# simpler model wins, where no floor (the baseline) is simpler than any floor and a lower floor simpler than a higher
# one. So a floor is chosen only if its mean is more than 0.01 below the baseline's, and then the lowest floor within
# 0.01 of the best. The baseline is re-run here with the same build (round 4 scored it 1.709 / 1.566 / 1.395, mean
# 1.557). If a floor wins it is frozen (NowcastDefaults and the product's US target) and the test period 2000Q1–2019Q4
# is run once with it; if the baseline wins nothing changes and the test period is not run.
# Usage: bench/nowcast/search4.sh DATASETS_DIR [OUT_DIR] [MONITOR]   (MONITOR: default the Release build of src/Monitor.Cli)
set -eu
DATA=$1
OUT=${2:-bench/out/nowcast-search4}
MONITOR=${3:-dotnet src/Monitor.Cli/bin/Release/net10.0/linux-x64/monitor.dll}
mkdir -p "$OUT"
. "$(dirname "$0")/score.sh"
# simplest first: the baseline (no floor), then rising floors
run baseline
run floor-0.02 --idio-floor 0.02
run floor-0.05 --idio-floor 0.05
run floor-0.1 --idio-floor 0.1
run floor-0.2 --idio-floor 0.2
