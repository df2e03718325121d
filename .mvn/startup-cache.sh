#!/bin/sh
# Trains the JDK's start-up cache for the runnable jar (issue 20); parley-cli's build runs it right after packaging
# target/parley.jar, so the cache is made by the build and replaced with the jar, never by hand. It uses the JDK the
# ./parley launcher finds (the same lookup, .mvn/jdk.sh), because a cache serves only the JVM that wrote it:
#   JDK 25+   an AOT cache, target/parley.aot (JEP 483 and 514: classes loaded and linked, method profiles);
#   JDK 21-24 a class-data-sharing archive, target/parley.jsa (AppCDS, dynamic).
# target/parley.cache-jdk names the JDK that made it: the launcher passes the cache only to that JDK. The JVM also
# checks the jar's size and time against the cache and ignores a stale one. Usage:
#   sh .mvn/startup-cache.sh target/parley.jar [skip]     (skip: only remove the jar's old cache)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
target=$(dirname "$jar")
rm -f "$target/parley.aot" "$target/parley.jsa" "$target/parley.cache-jdk"
[ "${2:-}" = "skip" ] && exit 0
jdk=$(parley_find_jdk)
if [ -z "$jdk" ]; then
  echo "parley: no start-up cache: $PARLEY_NO_JDK" >&2
  exit 0
fi
major=$(parley_jdk_major "$jdk")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP # dash runs the EXIT trap only on exit: make a signal one
if [ "$major" -ge 25 ]; then
  name=parley.aot
  cache="-XX:AOTCacheOutput=$work/$name"
else
  name=parley.jsa
  cache="-XX:ArchiveClassesAtExit=$work/$name"
fi
quiet="-Xlog:cds*=off"
[ "$major" -ge 24 ] && quiet="$quiet -Xlog:aot*=off" # JDK 23 and older have no aot log tag
# The JVM that assembles the AOT cache talks on its error stream ("Picked up JAVA_TOOL_OPTIONS"); only a failure's
# own words are worth showing. The cache is made in the work folder and moved beside the jar whole.
# shellcheck disable=SC2086
if ! "$jdk/bin/java" "$cache" $quiet -cp "$jar" dev.parley.cli.StartupTraining "$work/files" >"$work/log" 2>&1 \
    || [ ! -s "$work/$name" ]; then
  cat "$work/log" >&2
  echo "parley: the start-up cache was not made (see above)" >&2
  exit 1
fi
mv "$work/$name" "$target/$name"
printf '%s\n' "$jdk" > "$target/parley.cache-jdk"
