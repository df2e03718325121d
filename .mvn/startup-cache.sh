#!/bin/sh
# Trains the JDK's start-up cache for the runnable jar (issue 20); parley-cli's build runs it right after packaging
# target/parley.jar, so the cache is made by the build and replaced with the jar, never by hand. It uses the JDK the
# ./parley launcher finds (the same lookup, .mvn/jdk.sh), because a cache serves only the JVM that wrote it:
#   JDK 25+   an AOT cache, target/parley.aot (JEP 483 and 514: classes loaded and linked, method profiles);
#   JDK 21-24 a class-data-sharing archive, target/parley.jsa (AppCDS, dynamic).
# The JVM checks the jar's size and time against the cache and ignores a stale one, so a jar built without this step
# still runs, only slower to start. Usage: sh .mvn/startup-cache.sh target/parley.jar
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
target=$(dirname "$jar")
rm -f "$target/parley.aot" "$target/parley.jsa"
jdk=$(parley_find_jdk)
if [ -z "$jdk" ]; then
  echo "parley: no start-up cache: $PARLEY_NO_JDK" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$(parley_jdk_major "$jdk")" -ge 25 ]; then
  cache="-XX:AOTCacheOutput=$target/parley.aot"
else
  cache="-XX:ArchiveClassesAtExit=$target/parley.jsa"
fi
# The JVM that assembles the AOT cache says so on its error stream ("Picked up JAVA_TOOL_OPTIONS"); a failing
# training run prints its own reason, so only that is worth showing.
if ! "$jdk/bin/java" "$cache" -Xlog:aot*=off -Xlog:cds*=off -cp "$jar" dev.parley.cli.StartupTraining "$work" \
    >"$work/log" 2>&1; then
  cat "$work/log" >&2
  rm -f "$target/parley.aot" "$target/parley.jsa" # trained on an error path: no cache at all
  exit 1
fi
