#!/usr/bin/env bash
# The fault drill: two instances behind HAProxy on loopback (deploy/cluster/loopback.sh), simulated students
# launching and autosaving and an instructor grading, through these scenarios, one after the other:
#   cross-node   login answered by node 1, launch posted to node 2, the same id_token replayed at node 1
#   node-kill    node 1 killed (SIGKILL) under load and started again
#   db-restart   the database stopped and started under load
#   lms-outage   the LMS answers 503 for 15 s while grades are given
# Per scenario it prints requests sent, acknowledged, lost (must be 0), duplicated (must be 0), errors seen and
# the recovery time; it exits 1 if anything was lost or duplicated. Loopback only; bounded: each scenario lasts
# DRILL_SECONDS (40) plus at most 150 s waiting for grades, the whole drill at most 25 minutes.
#
#   deploy/faults.sh                      starts the cluster, runs every scenario, stops the cluster
#   DRILL_SCENARIOS=node-kill deploy/faults.sh
#   KEEP_CLUSTER=1 deploy/faults.sh      leaves the cluster running afterwards (stop: deploy/cluster/loopback.sh stop)
#
# Needs what loopback.sh needs, and Maven for the drill's classpath. On a shared machine run it under the lock
# that keeps Payara-booting runs apart: flock /tmp/it.lock deploy/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="${WORKBENCH_CLUSTER_DIR:-target/cluster}"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"

[ -f target/organizing-workbench.war ] || mvn -B -q package -DskipTests
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/drill.classpath >/dev/null

if [ -z "${CLUSTER_RUNNING:-}" ]; then
  deploy/cluster/loopback.sh start
  [ -n "${KEEP_CLUSTER:-}" ] || trap 'deploy/cluster/loopback.sh stop' EXIT
fi

set +e
timeout 1500 java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/drill.classpath)" \
  -Ddrill.url="http://127.0.0.1:${CLUSTER_LB_PORT:-8090}" \
  -Ddrill.node1="http://127.0.0.1:${CLUSTER_NODE1_PORT:-8091}" -Ddrill.node2="http://127.0.0.1:${CLUSTER_NODE2_PORT:-8092}" \
  -Ddrill.lmsPort="${CLUSTER_LMS_PORT:-8098}" -Ddrill.control=deploy/cluster/loopback.sh \
  -Ddrill.db.url="jdbc:mariadb://127.0.0.1:${CLUSTER_DB_PORT:-3316}/workbench" -Ddrill.db.user=workbench \
  -Ddrill.db.password="$(cat "$WORK/db-password")" -Ddrill.adminSecret="$(cat "$WORK/admin-secret")" \
  -Ddrill.students="${DRILL_STUDENTS:-20}" -Ddrill.seconds="${DRILL_SECONDS:-40}" \
  -Ddrill.loadSeconds="${DRILL_LOAD_SECONDS:-20}" -Ddrill.scenarios="${DRILL_SCENARIOS:-cross-node,node-kill,db-restart,lms-outage}" \
  org.organizingworkbench.bench.ClusterDrill
status=$?
set -e
exit $status
