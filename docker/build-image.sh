#!/usr/bin/env bash
# Builds the simulator's container image from the built jar, pulling nothing (the machines that
# build it reach no registry): FROM scratch, a Java runtime made with jlink holding only the
# modules the simulator uses, the shared libraries that runtime loads, and the shaded jar.
# Tags clob-simulator:<version> (the jar's own) and clob-simulator:latest.
#
#   docker/build-image.sh [--jar FILE] [--skip-without-docker]
#
# --jar                   the shaded jar (default: clob-simulator/target/clob-simulator.jar;
#                         build it first: mvn -B package -DskipTests)
# --skip-without-docker   exit 0, saying so, when no Docker daemon answers (what the Maven build
#                         uses, so that mvn -B verify passes on a machine without Docker)
#
# Exit codes: 0 built (or skipped as asked), 1 a step failed, 2 bad usage or no jar.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/clob-simulator/target/clob-simulator.jar"
skip_without_docker=false
image=clob-simulator

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) [ $# -ge 2 ] || { echo "build-image: --jar needs a file" >&2; exit 2; }; jar=$2; shift 2 ;;
    --skip-without-docker) skip_without_docker=true; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-image: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if ! docker info >/dev/null 2>&1; then
  if $skip_without_docker; then
    echo "build-image: no Docker daemon answers: image not built (the tests that need it are skipped)"
    exit 0
  fi
  echo "build-image: no Docker daemon answers ('docker info' failed): start one first" >&2
  exit 1
fi
[ -f "$jar" ] || { echo "build-image: no jar at $jar: build it first (mvn -B package -DskipTests)" >&2; exit 2; }
for tool in jdeps jlink jar ldd; do
  command -v "$tool" >/dev/null || { echo "build-image: '$tool' is not on the PATH (a JDK 17 and glibc's ldd are needed)" >&2; exit 1; }
done

stage=$(mktemp -d "${TMPDIR:-/tmp}/clob-simulator-image.XXXXXX")
trap 'rm -rf "$stage"' EXIT
rootfs="$stage/rootfs"

# The version the jar carries, so the tag never disagrees with what is inside.
(cd "$stage" && jar xf "$jar" META-INF/maven/dev.clobcancel/clob-simulator/pom.properties)
version=$(sed -n 's/^version=//p' "$stage/META-INF/maven/dev.clobcancel/clob-simulator/pom.properties")
[ -n "$version" ] || { echo "build-image: $jar carries no version in its pom.properties" >&2; exit 1; }

# The modules: what jdeps finds in the jar, less java.desktop (only java.beans, reached from
# Jackson's optional JDK 7 support and SnakeYAML's bean introspection, neither of which the
# simulator calls; it would bring AWT and the X11 libraries), plus what is loaded by name at run
# time: jdk.crypto.ec for TLS key exchange, jdk.unsupported for Netty.
found=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
modules=$(printf '%s\n' "${found//,/$'\n'}" jdk.crypto.ec jdk.unsupported | grep -vx 'java.desktop' | sort -u | paste -sd, -)
echo "build-image: modules $modules"

mkdir -p "$rootfs/opt/clob-simulator" "$rootfs/etc"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
      --generate-cds-archive --output "$rootfs/opt/java"
# The class-data archive for heaps over 32 GB is 11 MB the simulator never uses.
rm -f "$rootfs/opt/java/lib/server/classes_nocoops.jsa"
cp "$jar" "$rootfs/opt/clob-simulator/clob-simulator.jar"

# The shared libraries the runtime loads, and the dynamic loader, at the paths they are loaded from.
# A library ldd cannot place must be one of the runtime's own (libjvm.so, found by its RPATH).
libraries=$(find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \))
for elf in $libraries; do
  ldd "$elf" 2>/dev/null || true
done | awk -v runtime="$rootfs/opt/java/" '
  $2 == "=>" && index($3, runtime) == 1 { next }
  $2 == "=>" && $3 ~ /^\// { print $3; next }
  $2 == "=>" && $3 == "not" { print "missing " $1; next }
  $1 ~ /^\// { print $1 }' | sort -u > "$stage/libraries"
while read -r first second; do
  if [ "$first" = missing ]; then
    [ -n "$(find "$rootfs/opt/java" -name "$second")" ] \
      || { echo "build-image: the runtime needs $second, which is not on this machine" >&2; exit 1; }
    continue
  fi
  mkdir -p "$rootfs$(dirname "$first")"
  cp -L "$first" "$rootfs$first"
done < "$stage/libraries"
grep -v '^missing ' "$stage/libraries" | sed 's/^/build-image: library /'

# A writable /tmp (the state file, the TLS certificate, Vert.x's cache) and a name for the user
# the simulator runs as, so the JVM finds a home.
mkdir -p "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"
echo 'clob:x:65532:65532:clob-simulator:/tmp:/nonexistent' > "$rootfs/etc/passwd"
echo 'clob:x:65532:' > "$rootfs/etc/group"

cp "$root/docker/Dockerfile" "$stage/Dockerfile"
docker build --build-arg "VERSION=$version" -t "$image:$version" -t "$image:latest" "$stage" >"$stage/build.log" 2>&1 \
  || { cat "$stage/build.log" >&2; echo "build-image: docker build failed" >&2; exit 1; }
size=$(docker image inspect -f '{{.Size}}' "$image:$version")
echo "build-image: built $image:$version and $image:latest, $((size / 1024 / 1024)) MiB"
