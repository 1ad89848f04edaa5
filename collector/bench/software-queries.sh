#!/bin/sh
# Times the software questions (GET /api/v1/software, /api/v1/software/summary, a machine's list)
# on a fleet fed through the real HTTP API: bench/SoftwareQueries in the collector's test classes.
# Usage (from the repository root):
#   collector/bench/software-queries.sh [machines=10000] [applications=300] [sqlite|postgresql]
# postgresql starts a throwaway server from the Debian package, as the contract tests do.
set -eu
MACHINES=${1:-10000}
APPS=${2:-300}
ENGINE=${3:-sqlite}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# One reactor run, so that the protocol and config modules resolve to their classes (nothing is
# installed).
mvn -B -q -o -pl protocol,config,collector test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
exec java -Xmx2g -Ddigiready.test.storage="$ENGINE" \
  -cp "collector/target/classes:collector/target/test-classes:$(cat "$CP_FILE")" \
  io.digiready.collector.bench.SoftwareQueries "$MACHINES" "$APPS"
