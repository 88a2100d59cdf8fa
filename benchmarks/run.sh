#!/usr/bin/env bash
# Cartable benchmarks: one command, one report (benchmarks/target/report.md). See docs/PERFORMANCE.md.
#   benchmarks/run.sh [all|load|live|start|import] [--scale S] [--duration SECONDS] [--no-build]
#     start   cold start of a fresh unpack (demo data), then a restart of it
#     load    fresh server, department loaded at SCALE through the product, wrk scenarios (16 and 256 connections)
#             against the ceiling, open-model run, heap and RSS, restart with the department's data
#     live    hot deploy of an app (uninstall -> 404, install -> 200), live upgrade of the blog under load, restart
#             with the department's data (on the loaded server: run after load)
#     import  the directory import's DepartmentBenchmark (49 164 x SCALE pupils) in its own JVM
#     all     start, load, live, import
# Ports: BENCH_HTTP_PORT (8306), BENCH_SSH_PORT (8316), BENCH_RMI_REGISTRY_PORT (1306), BENCH_RMI_SERVER_PORT (44306).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/scripts/karaf.sh"
PART="${1:-all}"; shift || true
SCALE=0.1; DURATION=20; BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$PART" in all|load|live|start|import) ;; *) echo "usage: $0 [all|load|live|start|import] [--scale S] [--duration S] [--no-build]" >&2; exit 2 ;; esac

mkdir -p "$TARGET"
REPORT="$TARGET/report.md"
LOG="$TARGET/run.log"
: > "$LOG"
say() { echo "$*" | tee -a "$LOG"; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

"$HERE/setup.sh" >>"$LOG" 2>&1 || { echo "setup failed (see $LOG)"; exit 1; }
if [ "$BUILD" = 1 ]; then
  say "Building the distribution and the benchmark tools..."
  (cd "$REPO_DIR" && mvn -B -o -q package -pl karaf-distribution/assembly,benchmarks -am -DskipTests) >>"$LOG" 2>&1 \
    || { echo "build failed (see $LOG)"; exit 1; }
fi
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
jrun() { java -cp "$CP" "$@"; }

{
  echo "# Cartable benchmark report"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), part \`$PART\`, scale $SCALE, wrk duration ${DURATION} s"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -n1)"
  echo "- Commit: $(cd "$REPO_DIR" && git rev-parse --short HEAD) ($(cd "$REPO_DIR" && git rev-parse --abbrev-ref HEAD))"
  echo "- Load average at start (1/5/15 min): $(load_avg)"
  echo
} > "$REPORT"

HOME_DIR=""
cleanup() { [ -n "$HOME_DIR" ] && karaf_stop "$HOME_DIR"; }
trap cleanup EXIT

jvm_memory() { # HOME: heap used now, heap after a full GC, RSS (MB)
  local pid; pid="$(karaf_java_pid "$1")"
  [ -n "$pid" ] || { echo "n/a"; return; }
  local used after rss
  used=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total/ && /used/ {for(i=1;i<=NF;i++) if($i=="used") {print $(i+1); exit}}')
  jcmd "$pid" GC.run >/dev/null 2>&1
  after=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {for(i=1;i<=NF;i++) if($i=="used") {print $(i+1); exit}}')
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  echo "heap used ${used:-?}, after full GC ${after:-?}, RSS ${rss} MB (max heap: $(jcmd "$pid" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n1 | cut -d= -f2 | awk '{print int($1/1048576) " MB"}'))"
}

ready() { # HOME LABEL: starts Karaf, waits for every milestone, appends a line
  local home="$1" label="$2" t0
  t0=$(date +%s%3N)
  karaf_start "$home" || return 1
  local line; line=$(jrun org.cartable.benchmarks.Live ready "$BASE_URL" "$t0" 900 | tail -n 1)
  # CPU seconds of the JVM up to the dashboard: depends much less on the machine's load than the wall clock.
  local cpu; cpu=$(ps -o cputime= -p "$(karaf_java_pid "$home")" 2>/dev/null | tr -d ' ')
  say "$label: $line cpu=$cpu"
  echo "[ColdStart] $label: $line jvm_cpu=$cpu load=$(load_avg)" >> "$TARGET/start.txt"
  echo "| $label | $(echo "$line" | sed -E 's/.*health_s=([^ ]+) signin_page_s=([^ ]+) rest_signin_s=([^ ]+) apps_listed_s=([^ ]+) dashboard_200_s=([^ ]+).*/\1 | \2 | \3 | \4 | \5/') | $(load_avg) |" >> "$REPORT"
}

part_start() {
  say "== start (load average $(load_avg))"
  {
    echo "## Start-up"
    echo
    echo "Seconds from launching \`bin/karaf server\` to the first 200 of each (demo data seeded on the first start)."
    echo
    echo "| start | /api/health | sign-in page | REST sign-in | default apps listed | dashboard (signed in) | load avg |"
    echo "|---|---|---|---|---|---|---|"
  } >> "$REPORT"
  HOME_DIR="$(karaf_unpack "$TARGET/cold")"
  ready "$HOME_DIR" "cold (fresh unpack)"
  karaf_stop "$HOME_DIR"
  ready "$HOME_DIR" "restart (demo data)"
  echo >> "$REPORT"
  echo "Memory after start: $(jvm_memory "$HOME_DIR")" >> "$REPORT"; echo >> "$REPORT"
  karaf_stop "$HOME_DIR"; HOME_DIR=""
}

wrk_run() { # NAME SCRIPT CONNECTIONS ACCOUNTS
  local name="$1" script="$2" conns="$3" accounts="${4:-}"
  local threads=2; [ "$conns" -lt 2 ] && threads=1
  local la; la=$(load_avg)
  local line
  line=$(BENCH_NAME="$name" BENCH_WRK_DIR="$HERE/wrk" BENCH_ACCOUNTS="$accounts" \
    wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s --latency -s "$HERE/wrk/$script" "$BASE_URL" 2>&1 \
    | tee -a "$LOG" | grep '^\[wrk\]')
  say "$line load=$la"
  echo "$line load=$la" >> "$TARGET/wrk.txt"
}

field() { echo "$2" | grep -o "$1=[^ ]*" | head -n1 | cut -d= -f2; }

part_load() {
  say "== load (load average $(load_avg))"
  HOME_DIR="$(karaf_unpack "$TARGET/karaf")"
  echo "## Department load" >> "$REPORT"; echo >> "$REPORT"
  echo "| start | /api/health | sign-in page | REST sign-in | default apps listed | dashboard (signed in) | load avg |" >> "$REPORT"
  echo "|---|---|---|---|---|---|---|" >> "$REPORT"
  ready "$HOME_DIR" "fresh server for the load" || return 1
  local data="$TARGET/data"; rm -rf "$data"
  local t0; t0=$(date +%s)
  jrun org.cartable.benchmarks.DepartmentLoader "$BASE_URL" "$data" "$SCALE" 2>&1 | tee -a "$LOG" | grep '^\[Loader\]' > "$TARGET/loader.txt"
  {
    echo
    echo "Loaded through the product in $(( $(date +%s) - t0 )) s (load average now $(load_avg)):"
    echo
    sed 's/^/    /' "$TARGET/loader.txt"
    echo
  } >> "$REPORT"
  [ -s "$data/parents.tsv" ] || { say "no parent accounts: load failed"; return 1; }

  # The JVM has one C2 compiler thread on 2 cores: the read paths reach their steady speed only after minutes of
  # traffic (parents' reads after a restart: 194 req/s in the first 30 s, ~500 after 5 min). Warm up, unrecorded.
  local warm="${BENCH_WARMUP:-300}"
  say "warm-up ${warm} s (not measured): parents' evening and teachers' morning, 8 connections each"
  BENCH_NAME=warmup-parents BENCH_WRK_DIR="$HERE/wrk" BENCH_ACCOUNTS="$data/parents.tsv" \
    wrk -t1 -c8 -d"${warm}s" --timeout 10s -s "$HERE/wrk/parents.lua" "$BASE_URL" >> "$LOG" 2>&1 &
  BENCH_NAME=warmup-teachers BENCH_WRK_DIR="$HERE/wrk" BENCH_ACCOUNTS="$data/teachers.tsv" \
    wrk -t1 -c8 -d"${warm}s" --timeout 10s -s "$HERE/wrk/teachers.lua" "$BASE_URL" >> "$LOG" 2>&1
  wait
  echo "Warm-up: ${warm} s of the parents' and teachers' scenarios together before anything is measured." >> "$REPORT"
  echo >> "$REPORT"

  : > "$TARGET/wrk.txt"
  wrk_run ceiling-16 ceiling.lua 16
  wrk_run parents-16 parents.lua 16 "$data/parents.tsv"
  BENCH_SIGNIN=0 wrk_run parents-reads-16 parents.lua 16 "$data/parents.tsv"
  wrk_run teachers-16 teachers.lua 16 "$data/teachers.tsv"
  wrk_run ceiling-256 ceiling.lua 256
  wrk_run parents-256 parents.lua 256 "$data/parents.tsv"

  # Which step of a visit is slow (wrk gives one distribution for the whole mix).
  local steps
  steps=$(jrun org.cartable.benchmarks.ClosedLoad "$BASE_URL" "$data/parents.tsv" 16 "$DURATION" 2>&1 | tee -a "$LOG" | grep '^\[ClosedLoad\]')

  local ceiling16 parents16
  ceiling16=$(field rps "$(grep 'name=ceiling-16 ' "$TARGET/wrk.txt")")
  parents16=$(field rps "$(grep 'name=parents-16 ' "$TARGET/wrk.txt")")
  {
    echo "### Closed model (wrk, ${DURATION} s each)"
    echo
    echo "| scenario | conns | req/s | ratio | p50 ms | p95 ms | p99 ms | max ms | errors | load avg |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    while read -r line; do
      local name rps ref
      name=$(field name "$line"); rps=$(field rps "$line")
      case "$name" in *-256) ref="of parents-16: $(echo "scale=2; $rps / $parents16" | bc)";; ceiling*) ref="1";; *) ref="$(echo "scale=2; $rps / $ceiling16" | bc) of ceiling";; esac
      [ "$name" = ceiling-256 ] && ref="$(echo "scale=2; $rps / $ceiling16" | bc) of ceiling-16"
      echo "| $name | ${name##*-} | $rps | $ref | $(field p50_ms "$line") | $(field p95_ms "$line") | $(field p99_ms "$line") | $(field max_ms "$line") | $(field errors "$line") | $(echo "$line" | sed 's/.*load=//') |"
    done < "$TARGET/wrk.txt"
    echo
  } >> "$REPORT"

  if [ -n "$steps" ]; then
    {
      echo "### Parents' evening step by step (ClosedLoad, 16 users, ${DURATION} s; Java client on the same cores)"
      echo
      echo "| step | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |"
      echo "|---|---|---|---|---|---|---|"
      while read -r line; do
        echo "| $(field step "$line") | $(field rps "$line") | $(field p50_ms "$line") | $(field p95_ms "$line") | $(field p99_ms "$line") | $(field max_ms "$line") | $(field errors "$line") |"
      done <<< "$steps"
      echo
    } >> "$REPORT"
  fi

  # Open model: the evening peak x 10 (see docs/PERFORMANCE.md for the estimate: 56 req/s at peak).
  local rate="${BENCH_OPEN_RATE:-560}"
  local line; line=$(jrun org.cartable.benchmarks.OpenLoad "$BASE_URL" "$data/parents.tsv" "$rate" "$DURATION" | tail -n1)
  say "$line load=$(load_avg)"
  {
    echo "### Open model (fixed arrival rate, latency from the intended send time)"
    echo
    echo "    $line (load average $(load_avg))"
    echo
    echo "Memory after the load runs: $(jvm_memory "$HOME_DIR")"
    echo
  } >> "$REPORT"
  cp "$TARGET/wrk.txt" "$TARGET/wrk-$(date +%H%M).txt"
}

part_live() {
  say "== live (load average $(load_avg))"
  if [ -z "$HOME_DIR" ] || [ -z "$(karaf_java_pid "$HOME_DIR")" ]; then
    HOME_DIR="$(karaf_home "$TARGET/karaf")"
    [ -n "$HOME_DIR" ] || HOME_DIR="$(karaf_unpack "$TARGET/karaf")"
    karaf_start "$HOME_DIR"; jrun org.cartable.benchmarks.Live ready "$BASE_URL" "$(date +%s%3N)" 900 >/dev/null
  fi
  echo "## Live operations" >> "$REPORT"; echo >> "$REPORT"
  for app in wiki blog; do
    local line; line=$(jrun org.cartable.benchmarks.Live hotdeploy "$BASE_URL" "$app" | tail -n1)
    say "$line"
    echo "    $line (load average $(load_avg))" >> "$REPORT"
  done
  echo >> "$REPORT"
  if [ -f "$HOME_DIR/bench-jmx-password" ] && [ -s "$TARGET/data/parents.tsv" ]; then
    local up; up=$(jrun org.cartable.benchmarks.Upgrade "$BASE_URL" "$HOME_DIR" "$BENCH_RMI_REGISTRY_PORT" bench \
      "$(cat "$HOME_DIR/bench-jmx-password")" "$TARGET/data/parents.tsv" "$(( DURATION * 2 ))" 2>&1 | tee -a "$LOG" | grep '^\[Upgrade\]')
    say "$up"
    {
      echo "Live upgrade of the blog under load (6 parent threads: me/homework/liaison = other apps, blog reads, blog"
      echo "comments as writes; bundle:update to a v2 with one more changeset, then back):"
      echo
      echo "    ${up:-failed: see run.log} (load average $(load_avg))"
      echo
    } >> "$REPORT"
  fi
  echo "| start | /api/health | sign-in page | REST sign-in | default apps listed | dashboard (signed in) | load avg |" >> "$REPORT"
  echo "|---|---|---|---|---|---|---|" >> "$REPORT"
  karaf_stop "$HOME_DIR"
  ready "$HOME_DIR" "restart with the department's data"
  echo >> "$REPORT"
  echo "Memory after the restart: $(jvm_memory "$HOME_DIR")" >> "$REPORT"; echo >> "$REPORT"
  karaf_stop "$HOME_DIR"; HOME_DIR=""
}

part_import() {
  say "== import (load average $(load_avg))"
  local pupils; pupils=$(echo "49164 * $SCALE / 1" | bc)
  (cd "$REPO_DIR" && mvn -B -o -q test-compile -pl platform/testing,platform/core,bundles/directory-import) >>"$LOG" 2>&1
  local dir="$REPO_DIR/bundles/directory-import"
  (cd "$dir" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test) >>"$LOG" 2>&1
  local cp="$dir/target/test-classes:$dir/target/classes:$REPO_DIR/platform/core/target/classes:$REPO_DIR/platform/api/target/classes:$REPO_DIR/platform/testing/target/classes:$(tr ':' '\n' < "$dir/target/cp.txt" | grep -v 'cartable-core\|cartable-api\|cartable-testing' | paste -sd:)"
  local out; out=$(java -Xmx256m -cp "$cp" org.cartable.directoryimport.internal.DepartmentBenchmark "$pupils" 2>&1 | tee -a "$LOG" | grep -E 'Generated|\[DepartmentBenchmark\]|State|Summary')
  {
    echo "## Directory import (DepartmentBenchmark $pupils, -Xmx256m)"
    echo
    echo "$out" | sed 's/^/    /'
    echo
    echo "Load average after: $(load_avg)"
    echo
  } >> "$REPORT"
}

case "$PART" in
  start) part_start ;;
  load) part_load ;;
  live) part_live ;;
  import) part_import ;;
  all) part_start; part_load; part_live; part_import ;;
esac
echo "- Load average at the end: $(load_avg)" >> "$REPORT"
say "Report: $REPORT"
