#!/usr/bin/env bash
# Installs the benchmark's tools from Debian if they are missing (the machine is Debian, run as root).
set -euo pipefail
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v bc >/dev/null 2>&1 || need+=(bc)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
wrk --version 2>&1 | head -n 1 || true
