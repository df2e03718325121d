# Finds a JDK 21 or newer for Parley; sourced (POSIX sh) by ./parley and ./mvnw, so both look in the same
# places: JAVA_HOME, the java on PATH, then the usual install folders (the newest JDK there wins).
# Reads each JDK's release file rather than starting a JVM.

# The major version of the JDK at $1, or nothing. The release file is read by the shell itself: a launcher that
# starts no process to find its JDK starts sooner.
parley_jdk_major() {
  [ -x "$1/bin/java" ] || return 0
  _v=""
  if [ -f "$1/release" ]; then
    while IFS= read -r _line || [ -n "$_line" ]; do
      case "$_line" in
        JAVA_VERSION=\"[0-9]*)
          _v=${_line#JAVA_VERSION=\"}
          _v=${_v%%[!0-9]*}
          break ;;
      esac
    done < "$1/release"
  else
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "$_v" = "1" ] && _v=8
  printf '%s' "$_v"
}

# Prints the home of a JDK 21+, or nothing.
parley_find_jdk() {
  _path_java=$(command -v java 2>/dev/null) && _path_java=$(readlink -f "$_path_java" 2>/dev/null) || _path_java=""
  for _c in "${JAVA_HOME:-}" "${_path_java%/bin/java}"; do
    [ -n "$_c" ] || continue
    _m=$(parley_jdk_major "$_c")
    if [ -n "$_m" ] && [ "$_m" -ge 21 ]; then
      printf '%s' "$_c"
      return 0
    fi
  done
  _best=""
  _best_major=0
  for _c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
            /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$_c" ] || continue
    _m=$(parley_jdk_major "$_c")
    if [ -n "$_m" ] && [ "$_m" -ge 21 ] && [ "$_m" -gt "$_best_major" ]; then
      _best="$_c"
      _best_major="$_m"
    fi
  done
  printf '%s' "$_best"
}

PARLEY_NO_JDK="found no JDK 21 or newer (in JAVA_HOME, on PATH or under /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk'."
