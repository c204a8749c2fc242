#!/usr/bin/env bash
# The warn job side by side with the job before sharding (commit 121ea59), alternated, in one run:
#   bench/WarnBench/compare-old.sh [series] [months] [rounds]
# Builds the old source from git (git archive, with the bench's later store fix 968955b and its CPU print) in a
# git-ignored folder (bench/out), then runs `WarnBench job` old/new alternately; prints each run's lines and the load average.
set -euo pipefail
series=${1:-2000}; months=${2:-240}; rounds=${3:-3}
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
old=${OLD_WARN_TREE:-$repo/bench/out/warnbench-old-121ea59}  # git-ignored, beside the other bench outputs
if [ ! -f "$old/bench/WarnBench/bin/Release/net10.0/linux-x64/WarnBench.dll" ]; then
  rm -rf "$old" && mkdir -p "$old"
  git -C "$repo" archive 121ea59 | tar -x -C "$old"
  # the bench of the old commit, as fixed later: seed the forecast schema the stage reads, print CPU time per run
  git -C "$repo" show 968955b -- bench/WarnBench/JobBench.cs bench/WarnBench/WarnBench.csproj | (cd "$old" && patch -p1 -s)
  cp "$repo/bench/WarnBench/JobBench.cs" "$old/bench/WarnBench/JobBench.cs"
  dotnet build "$old/bench/WarnBench" -c Release -nologo -v q >/dev/null
fi
dotnet build "$repo/bench/WarnBench" -c Release -nologo -v q >/dev/null
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    dir=$([ "$side" = old ] && echo "$old" || echo "$repo")
    echo "== round $round $side (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    dotnet "$dir/bench/WarnBench/bin/Release/net10.0/linux-x64/WarnBench.dll" job "$series" "$months" | grep '^job'
  done
done
