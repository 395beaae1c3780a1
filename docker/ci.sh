# The Docker half of .ci/run, sourced by it: a daemon of its own, the image's tests required to run,
# the official TypeScript client against the image, and everything cleaned up on any exit.
#
#   docker_start                    install docker.io if need be, start dockerd on loopback, arm the cleanup
#   docker_require_image_tests_ran  fail unless the failsafe report counts image tests and none skipped
#   docker_client_test              run docker/client-test against a container of the image
#
# Facts of the CI machine: no registry is reachable (the image is FROM scratch and the tests pull
# nothing), the packaged init script fails on the file-limit ulimit (so dockerd is started directly),
# and Testcontainers must neither start its reaper (it cannot be pulled) nor guess the host.

DOCKER_WAIT_SECONDS=90
docker_started_here=false
docker_pid=
docker_lib_was_there=true
docker_log=$(mktemp "${TMPDIR:-/tmp}/dockerd.XXXXXX.log")

export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
export CLOB_REQUIRE_DOCKER=1

docker_start() {
  trap docker_cleanup EXIT
  if docker info >/dev/null 2>&1; then
    echo "docker: a daemon is running already; using it"
    return
  fi
  if ! command -v dockerd >/dev/null; then
    echo "docker: installing docker.io"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  [ -d /var/lib/docker ] || docker_lib_was_there=false
  # Published ports on loopback only.
  dockerd --ip=127.0.0.1 >"$docker_log" 2>&1 &
  docker_pid=$!
  docker_started_here=true
  local waited=0
  until docker info >/dev/null 2>&1; do
    if [ "$waited" -ge "$DOCKER_WAIT_SECONDS" ] || ! kill -0 "$docker_pid" 2>/dev/null; then
      echo "docker: dockerd did not answer within ${DOCKER_WAIT_SECONDS} s; its log:" >&2
      tail -20 "$docker_log" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "docker: dockerd $(docker version -f '{{.Server.Version}}') started (pid $docker_pid)"
}

docker_cleanup() {
  local status=$?
  # Clean up as far as possible whatever fails on the way, and exit as the run would have.
  set +e +o pipefail
  trap - EXIT
  if docker info >/dev/null 2>&1; then
    # What this run made: containers of the simulator's image, and the image itself.
    docker ps -aq --filter ancestor=clob-simulator:latest | xargs -r docker rm -f >/dev/null 2>&1
    docker images -q clob-simulator | sort -u | xargs -r docker rmi -f >/dev/null 2>&1
    docker image prune -f >/dev/null 2>&1
  fi
  if $docker_started_here; then
    kill "$docker_pid" 2>/dev/null
    local waited=0
    while kill -0 "$docker_pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
      sleep 1
      waited=$((waited + 1))
    done
    kill -9 "$docker_pid" 2>/dev/null
    # Leave the machine as found: the daemon's state only if this run created it.
    if ! $docker_lib_was_there; then
      rm -rf /var/lib/docker
      ip link delete docker0 2>/dev/null
    fi
    echo "docker: dockerd stopped, images and containers removed"
  fi
  rm -f "$docker_log"
  exit "$status"
}

docker_require_image_tests_ran() {
  local summary=clob-testcontainers/target/failsafe-reports/failsafe-summary.xml
  [ -f "$summary" ] || { echo "docker: no $summary: the image's tests did not run" >&2; return 1; }
  local completed skipped
  completed=$(sed -n 's:.*<completed>\([0-9]*\)</completed>.*:\1:p' "$summary")
  skipped=$(sed -n 's:.*<skipped>\([0-9]*\)</skipped>.*:\1:p' "$summary")
  if [ "${completed:-0}" -eq 0 ] || [ "${skipped:-0}" -ne 0 ]; then
    echo "docker: the image's tests ran ${completed:-0} and skipped ${skipped:-0}: a CI run must run them all" >&2
    return 1
  fi
  echo "docker: the image's tests ran: $completed, none skipped"
}

docker_client_test() {
  local started container port waited=0
  started=$(date +%s%N)
  container=$(docker run -d -p 127.0.0.1::8080 clob-simulator:latest)
  port=$(docker port "$container" 8080/tcp | head -1 | sed 's/.*://')
  until curl -fsS "http://127.0.0.1:$port/_sim/health" >/dev/null 2>&1; do
    if [ "$waited" -ge 1200 ]; then
      echo "docker: the container did not answer /_sim/health within 120 s; its log:" >&2
      docker logs "$container" 2>&1 | tail -20 >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "docker: container serving $(( ($(date +%s%N) - started) / 1000000 )) ms after docker run"
  (cd docker/client-test && npm ci --no-audit --no-fund && CLOB_SIM_URL="http://127.0.0.1:$port" node --test)
  waited=0
  until [ "$(docker inspect -f '{{.State.Health.Status}}' "$container")" = healthy ]; do
    if [ "$waited" -ge 120 ]; then
      echo "docker: the image's HEALTHCHECK did not report healthy within 120 s" >&2
      docker inspect -f '{{json .State.Health}}' "$container" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "docker: the image's HEALTHCHECK reports healthy $(( ($(date +%s%N) - started) / 1000000 )) ms after docker run"
  docker rm -f "$container" >/dev/null
}
