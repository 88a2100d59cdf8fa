#!/usr/bin/env bash
# Karaf helpers for the benchmarks (sourced by run.sh). A private copy of the built distribution under
# benchmarks/target/karaf, with the benchmark's own ports (BENCH_HTTP_PORT etc.), demo data on.
: "${BENCH_HTTP_PORT:=8306}" "${BENCH_SSH_PORT:=8316}" "${BENCH_RMI_REGISTRY_PORT:=1306}" "${BENCH_RMI_SERVER_PORT:=44306}"
BENCH_DIR="${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
TARGET="$BENCH_DIR/target"
BASE_URL="http://127.0.0.1:$BENCH_HTTP_PORT"

dist_archive() { ls "$REPO_DIR"/karaf-distribution/assembly/target/cartable-distribution-*.tar.gz 2>/dev/null | head -n 1; }
karaf_home() { ls -d "$1"/cartable-distribution-* 2>/dev/null | head -n 1; }

set_cfg() { # file key value: replaces the (possibly commented) key or appends it
  local file="$1" key="$2" value="$3"
  touch "$file"
  if grep -Eq "^[#[:space:]]*${key//./\\.}[[:space:]]*[=:]" "$file"; then
    sed -i -E "s|^[#[:space:]]*${key//./\\.}[[:space:]]*[=:].*|$key = $value|" "$file"
  else
    echo "$key = $value" >> "$file"
  fi
}

# unpack DIR: fresh copy of the distribution in DIR, configured for the benchmark's ports; prints KARAF_HOME
karaf_unpack() {
  local dir; dir="$(realpath -m "$1")"; local archive; archive="$(dist_archive)"
  [ -n "$archive" ] || { echo "No distribution: mvn -B -o -q package -pl karaf-distribution/assembly -am -DskipTests" >&2; return 1; }
  rm -rf "$dir"; mkdir -p "$dir"; tar xzf "$archive" -C "$dir"
  local home; home="$(karaf_home "$dir")"
  echo "enabled = true" > "$home/etc/org.cartable.demo.cfg"
  set_cfg "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$BENCH_HTTP_PORT"
  set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshPort "$BENCH_SSH_PORT"
  set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$BENCH_RMI_REGISTRY_PORT"
  set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$BENCH_RMI_SERVER_PORT"
  # No SMTP server here: mails stay in the outbox; a far port so nothing else is hit.
  set_cfg "$home/etc/org.cartable.mail.cfg" host 127.0.0.1
  set_cfg "$home/etc/org.cartable.mail.cfg" port 1
  # A JMX/console user for this benchmark copy only (bundle:update of the live upgrade), random password.
  local jmx_password; jmx_password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  printf '\n# benchmark copy only\nbench = %s,_g_:benchadmins\n_g_\\:benchadmins = group,admin,manager,viewer,systembundles,ssh\n' \
    "$jmx_password" >> "$home/etc/users.properties"
  echo "$jmx_password" > "$home/bench-jmx-password"
  echo "$home"
}

# start HOME: starts Karaf in the background (bin/karaf server), writes HOME/bench.pid
karaf_start() {
  local home; home="$(realpath "$1")"
  if curl -s -o /dev/null "$BASE_URL/api/health"; then echo "Port $BENCH_HTTP_PORT is busy" >&2; return 1; fi
  (cd "$home" && JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
     KARAF_HOME= KARAF_BASE= KARAF_DATA= KARAF_ETC= setsid nohup bin/karaf server </dev/null >>"$home/console.log" 2>&1 &
   echo $! > "$home/bench.pid")
}

# karaf_java_pid HOME: the Karaf JVM's pid
karaf_java_pid() { local h; h="$(realpath "$1")"; pgrep -f "karaf.home=$h " | head -n 1; }

# stop HOME: SIGTERM to this Karaf's JVM (only ours), bounded wait, then SIGKILL
karaf_stop() {
  local home="$1" pid
  pid="$(karaf_java_pid "$home")"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

# wait_http URL STATUS TIMEOUT_S [curl args...]: polls until URL answers STATUS; prints seconds waited (float)
wait_http() {
  local url="$1" status="$2" timeout="$3"; shift 3
  local start; start=$(date +%s.%N)
  while true; do
    local got; got=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" || true)
    [ "$got" = "$status" ] && break
    if (( $(echo "$(date +%s.%N) - $start > $timeout" | bc) )); then echo "timeout"; return 1; fi
    sleep 0.1
  done
  echo "$(date +%s.%N) - $start" | bc
}
