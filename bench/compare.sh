#!/usr/bin/env bash
# Is a change in the benchmark's figures the code's or the machine's? Builds commit REV in a
# temporary worktree, then runs bench/compare.mjs on that build and this checkout's, alternating.
#
#   bench/compare.sh REV [--n N] [--rounds R]
#
# This checkout's jars must be built (mvn -B -q install -DskipTests). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: bench/compare.sh REV [--n N] [--rounds R]" >&2
  exit 2
fi
rev=$(git rev-parse --verify "$1^{commit}")
shift
other=$(mktemp -d "${TMPDIR:-/tmp}/clob-compare-build.XXXXXX")
cleanup() { git worktree remove --force "$other" >/dev/null 2>&1 || rm -rf "$other"; }
trap cleanup EXIT
git worktree add --detach "$other" "$rev" >/dev/null
echo "== building $rev in $other"
(cd "$other" && mvn -B -q package -DskipTests)
if [[ ! -d interop/node_modules/viem ]]; then
  (cd interop && npm ci --no-audit --no-fund)
fi
command -v /usr/bin/time >/dev/null || { echo "compare.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
echo "== A: $rev, B: this checkout ($(git rev-parse --short HEAD)$(git diff --quiet || echo ', with changes'))"
node bench/compare.mjs "$other" . "$@"
