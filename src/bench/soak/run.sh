#!/usr/bin/env bash
# Soak benchmark (docs/benchmarks.md, "Soak"): the gateway jar on its embedded Redis (shipped persistence) for an
# hour under a steady 500 signed Twilio alerts/s plus a campaign paced at 50 messages/s to a local fake Twilio;
# heap, RSS, latency and Redis sampled every minute into target/bench/soak.json, then totals and trend verdicts.
#   src/bench/soak/run.sh                 # the hour
#   src/bench/soak/run.sh --minutes 3     # a quick validation
# Other arguments go to org.kunnafoni.bench.SoakBench (--help lists them). SKIP_BUILD=1 reuses target/.
# Exit status: 0 no errors and no growth trend, 1 a verdict failed, anything else the benchmark itself failed.
# Ctrl-C, a failure or a killed driver: the trap stops the driver, then the gateway and its Redis by the pids the
# driver wrote to target/bench/soak.pids, so nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/../../.."

PIDS=target/bench/soak.pids
driver=""

# Stops one pid if it is still the process we started (a pid can be reused once it exited).
stop_pid() {
    local pid=$1 pattern=$2
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern"; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do
            [ -e "/proc/$pid" ] || return 0
            sleep 1
        done
        echo "soak: pid $pid did not stop; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

cleanup() {
    local status=$?
    trap - INT TERM EXIT
    if [ -n "$driver" ] && [ -e "/proc/$driver" ]; then
        stop_pid "$driver" org.kunnafoni.bench.SoakBench
    fi
    if [ -r "$PIDS" ]; then
        { read -r gateway || true; read -r redis || true; } <"$PIDS"
        [ -n "${gateway:-}" ] && stop_pid "$gateway" "kunnafoni.jar"
        [ -n "${redis:-}" ] && stop_pid "$redis" "redis-server"
        rm -f "$PIDS"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q -DskipTests package
fi
mkdir -p target/bench

# In the background so the trap runs as soon as a signal arrives, not when java returns.
java -cp target/kunnafoni.jar:target/test-classes org.kunnafoni.bench.SoakBench \
    --reproduce "src/bench/soak/run.sh $*" "$@" &
driver=$!
wait "$driver"
