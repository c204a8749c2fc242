# Sourced by the pre-2000 search scripts: run NAME [ARGS...] scores one candidate on 1985Q1–1999Q4 into $OUT/NAME.txt
# (kept when it already has its overall line) and prints its summary line; needs DATA, OUT and MONITOR.
run() {
  name=$1; shift
  grep -q '^overall' "$OUT/$name.txt" 2>/dev/null ||
    $MONITOR evaluate-nowcast --datasets "$DATA" --from 1985Q1 --to 1999Q4 --quiet --shards 2 --threads 2 "$@" > "$OUT/$name.txt" ||
    { echo "$name: $(tail -1 "$OUT/$name.txt")"; return 0; }
  awk -v n="$name" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '/^overall/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    /^run:/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "wall_s") wall = kv[2] } }
    END { printf "%-16s m1=%s m2=%s m3=%s mean=%.3f ratio_m3=%s cov80=%s wall_s=%s load=%s\n", n, v["rmse_m1"], v["rmse_m2"], v["rmse_m3"], (v["rmse_m1"] + v["rmse_m2"] + v["rmse_m3"]) / 3, v["ratio_m3"], v["cov80"], wall, load }' "$OUT/$name.txt"
}
