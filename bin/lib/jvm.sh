# shellcheck shell=bash
# Sourced by bin/cxgap and bin/cxgap-bench, not a command: the build check, the java and the JVM
# flags both launchers give their JVM, written once so that the benchmark measures the product as
# bin/cxgap runs it (DESIGN.md §8). Defines cx_build_if_stale, cx_java and the arrays cx_flags,
# cx_jit and cx_gc; exports SPARK_LOCAL_IP.

# cx_build_if_stale NAME HERE JAR CP_FILE PATH...: runs `mvn package -DskipTests` in HERE when JAR
# or CP_FILE is missing or one of the PATHs (relative to HERE) is newer than JAR; exit 2 when the
# build fails.
cx_build_if_stale() {
  local name="$1" here="$2" jar="$3" cp_file="$4"
  shift 4
  if [[ -f "$jar" && -f "$cp_file" ]]; then
    local paths=()
    local p
    for p in "$@"; do paths+=("$here/$p"); done
    [[ -z "$(find "${paths[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]] && return 0
  fi
  echo "$name: building (mvn package -DskipTests) ..." >&2
  (cd "$here" && mvn -q -B package -DskipTests) >&2 ||
    { echo "$name: build failed; run 'mvn package' in $here to see why" >&2; exit 2; }
  # Maven leaves a jar as it was when only a module it depends on changed: mark the build as done,
  # or every later start would build again.
  touch "$jar"
}

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
if [[ -n "${JAVA_HOME:-}" ]]; then cx_java="$JAVA_HOME/bin/java"; else cx_java="java"; fi

cx_flags=()
for cx_pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
         java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
         sun.security.action sun.util.calendar; do
  cx_flags+=("--add-opens=java.base/$cx_pkg=ALL-UNNAMED")
done
unset cx_pkg
# Spark's generated code for a wide row rule set can exceed HotSpot's 8,000-byte limit for JIT
# compilation and would then run interpreted (about a fifth more CPU in ingest).
cx_flags+=("-Djdk.reflect.useDirectMethodHandle=false" "-Duser.timezone=UTC" "-XX:-DontCompileHugeMethods")

# A new JVM spends much of a nightly compiling: at SF1 its C2 compiler thread competes with the work
# for the same cores. With ten times HotSpot's tier-4 thresholds C2 compiles only the code that is
# really hot: in alternating new-process nightlies 8-29% less CPU and a median 9% less wall time
# (docs/performance.md). They come before CXGAP_JAVA_OPTS, which can set them otherwise.
cx_jit=("-XX:Tier4InvocationThreshold=50000" "-XX:Tier4MinInvocationThreshold=6000"
        "-XX:Tier4CompileThreshold=150000" "-XX:Tier4BackEdgeThreshold=400000")

# The collector of a batch run (nightly, the steps, generate, demo, forget, the benchmark): the
# parallel one, unless CXGAP_JAVA_OPTS picks a collector itself. On two cores an SF1 nightly in a
# new JVM took 113-114 s against G1's 124-126 s, alternating (docs/performance.md).
cx_gc=()
if [[ ! "${CXGAP_JAVA_OPTS:-}" =~ -XX:\+Use[A-Za-z0-9]+GC ]]; then
  cx_gc=("-XX:+UseParallelGC")
fi
