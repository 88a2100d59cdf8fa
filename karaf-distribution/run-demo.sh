#!/usr/bin/env bash
# Starts the built Cartable distribution with demo data, or stops/resets it.
#   run-demo.sh          unpack (first time) into karaf-distribution/assembly/target/demo, enable demo data, start
#   run-demo.sh stop     stop it
#   run-demo.sh reset    stop it and delete the demo copy (all its data)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
archive="$(ls "$here"/assembly/target/cartable-distribution-*.tar.gz 2>/dev/null | head -n 1 || true)"
demo="$here/assembly/target/demo"
port="${CARTABLE_HTTP_PORT:-8181}"

home() { ls -d "$demo"/cartable-distribution-* 2>/dev/null | head -n 1; }

stop() {
  local karaf; karaf="$(home)"
  if [ -n "$karaf" ] && [ -x "$karaf/bin/stop" ]; then
    "$karaf/bin/stop" >/dev/null 2>&1 || true
    # bin/stop only asks; wait (bounded) until the JVM has let go of the port and the database.
    for _ in $(seq 1 30); do
      pgrep -f "karaf.home=$karaf" >/dev/null 2>&1 || break
      sleep 1
    done
  fi
}

case "${1:-start}" in
  stop) stop; echo "Cartable stopped."; exit 0 ;;
  reset) stop; rm -rf "$demo"; echo "Demo copy and its data deleted."; exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop|reset]" >&2; exit 2 ;;
esac

if [ -z "$(home)" ]; then
  [ -n "$archive" ] || { echo "Build first: mvn -B -DskipTests install" >&2; exit 1; }
  mkdir -p "$demo"
  tar xzf "$archive" -C "$demo"
fi
karaf="$(home)"
echo "enabled = true" > "$karaf/etc/org.cartable.demo.cfg"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$karaf/etc/org.ops4j.pax.web.cfg"

if curl -fs "http://localhost:$port/api/health" >/dev/null 2>&1; then
  echo "Something already answers on port $port (Cartable running? '$0 stop' stops it)."
else
  "$karaf/bin/start"
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$port/api/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://localhost:$port/api/health" >/dev/null 2>&1 \
    || { echo "Cartable did not answer within 120 s; see $karaf/data/log/karaf.log" >&2; exit 1; }
fi
cat <<MSG
Cartable is running: open http://localhost:$port/app/
Demo accounts (password "demo"): teacher, teacher2, teacher3, director, pupil, pupilb, pupil2, parent, parent2, operator, admin, coladmin
Data: $karaf/data (Derby in data/db/cartable)   Logs: $karaf/data/log/karaf.log
Stop: $0 stop   Reset all data: $0 reset
MSG
