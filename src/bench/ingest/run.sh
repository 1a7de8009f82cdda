#!/usr/bin/env bash
# Ingest benchmark (docs/benchmarks.md): builds the jar, loads a bare Vert.x form endpoint and then the gateway
# with the same wrk run of signed Twilio webhooks, checks acknowledged == stored, and writes
# target/bench/ingest.json. Extra arguments go to org.kunnafoni.bench.IngestBench (--help lists them), e.g.
#   src/bench/ingest/run.sh --appendfsync everysec --http-instances 1 --jfr
# SKIP_BUILD=1 reuses the jar and test classes already in target/.
# Exit status: 0 all targets met, 1 a target missed, anything else the benchmark itself failed.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is missing: installing the Debian package wrk" >&2
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq wrk
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q -DskipTests package
fi

exec java -cp target/kunnafoni.jar:target/test-classes org.kunnafoni.bench.IngestBench \
    --reproduce "src/bench/ingest/run.sh $*" "$@"
