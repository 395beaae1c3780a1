#!/usr/bin/env bash
# Figures of the simulator's image, for docs/simulator.md: its size, and for each of N starts the
# time from `docker run` until GET /_sim/health answers 200 (serving) and until Docker's own
# HEALTHCHECK reports healthy, with the CPU time the container used until serving. Also the load
# average, since on a shared machine the wall times follow it.
#
#   docker/measure.sh [IMAGE] [N]      (defaults: clob-simulator:latest, 3)
set -euo pipefail

image=${1:-clob-simulator:latest}
runs=${2:-3}
docker image inspect "$image" >/dev/null 2>&1 || { echo "measure: no image $image (docker/build-image.sh builds it)" >&2; exit 2; }

container=
trap '[ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1' EXIT

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

cpu_ms() {
  # cgroup v2 first, then v1's cpuacct; empty when neither is readable.
  local id=$1 file
  for file in "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat" "/sys/fs/cgroup/docker/$id/cpu.stat"; do
    [ -r "$file" ] && { awk '$1 == "usage_usec" { print int($2 / 1000) }' "$file"; return; }
  done
  file="/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage"
  [ -r "$file" ] && echo $(( $(cat "$file") / 1000000 ))
}

size=$(docker image inspect -f '{{.Size}}' "$image")
echo "image $image: $((size / 1024 / 1024)) MiB ($size bytes)"
for run in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  started=$(date +%s%N)
  container=$(docker run -d -p 127.0.0.1::8080 "$image")
  port=$(docker port "$container" 8080/tcp | head -1 | sed 's/.*://')
  for _ in $(seq 1 1200); do
    curl -fsS "http://127.0.0.1:$port/_sim/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  serving=$(ms_since "$started")
  cpu=$(cpu_ms "$(docker inspect -f '{{.Id}}' "$container")")
  for _ in $(seq 1 240); do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$container")" = healthy ] && break
    sleep 0.5
  done
  healthy=$(ms_since "$started")
  echo "run $run: serving after ${serving} ms (${cpu:-?} ms of CPU), healthy after ${healthy} ms, load average $load"
  docker rm -f "$container" >/dev/null
  container=
done
