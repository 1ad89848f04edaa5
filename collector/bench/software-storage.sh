#!/bin/sh
# Bytes the software inventory keeps: per machine for a shared list of applications, and the growth
# one machine makes with 30 lists of 2,000 fresh names, before and after the hourly collection
# (SoftwareStorageBench in the collector's test classes, through the real HTTP API).
# Usage (from the repository root):
#   collector/bench/software-storage.sh [machines=200] [applications=300] [sqlite|postgresql]
# postgresql starts a throwaway server from the Debian package, as the contract tests do.
set -eu
MACHINES=${1:-200}
APPS=${2:-300}
ENGINE=${3:-sqlite}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# One reactor run, so that the protocol and config modules resolve to their classes.
mvn -B -q -o -pl protocol,config,collector test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
exec java -Xmx1g -Ddigiready.test.storage="$ENGINE" \
  -cp "collector/target/classes:collector/target/test-classes:$(cat "$CP_FILE")" \
  io.digiready.collector.SoftwareStorageBench "$MACHINES" "$APPS"
