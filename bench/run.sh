#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md, in one go, on this machine and loopback only:
#   1. node bench/run.mjs: `clob bench` (this library) against the official @polymarket/clob-client-v2 on
#      the same standalone simulator, the ratios, and the simulator's own figures;
#   2. a short JMH run of the hot paths inside the process (clob-benchmarks/target/benchmarks.jar).
#
#   bench/run.sh [--quick] [--no-jmh] [more options of run.mjs: --n N --rounds R --book B ...]
#
# Builds the jars if they are missing (not if they are stale: run `mvn -B -q install -DskipTests` after a
# change) and installs interop/'s pinned node packages if they are missing. --quick is a smoke run of a
# few seconds' load (and a JMH run of one short iteration), to check the tooling, not to quote.
set -euo pipefail
cd "$(dirname "$0")/.."

jmh=1
quick=0
args=()
for arg in "$@"; do
  case "$arg" in
    --no-jmh) jmh=0 ;;
    --quick) quick=1; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

for jar in clob-simulator/target/clob-simulator.jar clob-examples/target/clob-examples.jar clob-benchmarks/target/benchmarks.jar; do
  if [[ ! -f "$jar" ]]; then
    echo "== building the jars ($jar is missing)"
    mvn -B -q install -DskipTests
    break
  fi
done
if [[ ! -d interop/node_modules/@polymarket/clob-client-v2 ]]; then
  echo "== installing the official client (interop/, pinned)"
  (cd interop && npm ci --no-audit --no-fund)
fi

echo "== ours against the official client, and the simulator"
node bench/run.mjs ${args[@]+"${args[@]}"}

if [[ "$jmh" == 1 ]]; then
  echo "== JMH: the hot paths inside the process (short run; docs/benchmarks.md says how to run longer)"
  if [[ "$quick" == 1 ]]; then
    java -jar clob-benchmarks/target/benchmarks.jar -wi 1 -i 1 -f 1 -w 200ms -r 200ms -p liveOrders=1000
  else
    java -jar clob-benchmarks/target/benchmarks.jar -wi 2 -i 3 -f 1 -w 1s -r 1s
  fi
fi
