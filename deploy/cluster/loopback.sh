#!/usr/bin/env bash
# Two instances of Organizing Workbench on one machine, for a demonstration and for deploy/faults.sh:
# an external MariaDB (Debian's mariadb-server, its own data folder), two Payara Micro instances of the uber jar
# clustered through Payara's data grid (Hazelcast, TCP/IP discovery on loopback), HAProxy in front. Loopback only.
#
#   deploy/cluster/loopback.sh start          database, node 1, node 2, balancer; waits until all answer
#   deploy/cluster/loopback.sh stop           everything this script started
#   deploy/cluster/loopback.sh status
#   deploy/cluster/loopback.sh node-start N | node-kill N (SIGKILL) | node-stop N (SIGTERM)
#   deploy/cluster/loopback.sh db-start | db-stop | db-restart
#   deploy/cluster/loopback.sh sql 'SELECT …'   a statement against the tool's database
#
# Needs: Java 17, target/payara-micro.jar and target/organizing-workbench.war (mvn package -DskipTests), and Debian's
# haproxy, mariadb-server and mariadb-client (apt-get install haproxy mariadb-server mariadb-client).
# Everything lives under target/cluster (WORKBENCH_CLUSTER_DIR): data, logs, generated secrets.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORKBENCH_CLUSTER_DIR:-$ROOT/target/cluster}"
# The application as mvn package leaves it, run by the Payara Micro of the build, deployed at / as the launcher does.
# WORKBENCH_JAR=target/organizing-workbench-micro.jar runs the uber jar of mvn -Puberjar instead (as deploy/ does).
PAYARA="${WORKBENCH_PAYARA:-$ROOT/target/payara-micro.jar}"
WAR="${WORKBENCH_WAR:-$ROOT/target/organizing-workbench.war}"
JAR="${WORKBENCH_JAR:-}"
DB_PORT="${CLUSTER_DB_PORT:-3316}"
LB_PORT="${CLUSTER_LB_PORT:-8090}"
LMS_PORT="${CLUSTER_LMS_PORT:-8098}"
NODE_PORTS=(0 "${CLUSTER_NODE1_PORT:-8091}" "${CLUSTER_NODE2_PORT:-8092}")
HZ_PORTS=(0 5901 5902)
# The JVM flags of deploy/organizing-workbench.service (JAVA_OPTS) plus headless AWT, as in the container image.
JAVA_OPTS="${JAVA_OPTS:--Xmx1g} -Djava.awt.headless=true"
# CLUSTER_JFR=1: each node records a JDK Flight Recorder profile, written to target/cluster/nodeN.jfr when it stops.
SOCKET="$WORK/db/mariadb.sock"
DB_NAME="${CLUSTER_DB_NAME:-workbench}"   # another name runs a node on a restored copy (docs/cluster.md, Backups)

mkdir -p "$WORK/logs"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

secret() { # a generated secret, kept in the work folder so restarts use the same one
  local file="$WORK/$1"
  [ -s "$file" ] || head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40 > "$file"
  cat "$file"
}

sql() { mariadb --no-defaults --socket="$SOCKET" -uroot -N -B -e "$1" "$DB_NAME"; }

db_start() {
  if [ -f "$WORK/db.pid" ] && kill -0 "$(cat "$WORK/db.pid")" 2>/dev/null; then return; fi
  if [ ! -d "$WORK/db/data/mysql" ]; then
    mkdir -p "$WORK/db/data"
    mariadb-install-db --no-defaults --user=root --datadir="$WORK/db/data" --auth-root-authentication-method=socket \
      --skip-test-db >"$WORK/logs/db-install.log" 2>&1
  fi
  mariadbd --no-defaults --user=root --datadir="$WORK/db/data" --socket="$SOCKET" --port="$DB_PORT" \
    --bind-address=127.0.0.1 --pid-file="$WORK/db/mariadb.pid" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --max-connections=200 --innodb-buffer-pool-size=256M \
    >>"$WORK/logs/db.log" 2>&1 &
  echo $! > "$WORK/db.pid"
  for _ in $(seq 1 60); do
    mariadb --no-defaults --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb --no-defaults --socket="$SOCKET" -uroot -e "CREATE DATABASE IF NOT EXISTS workbench CHARACTER SET utf8mb4
    COLLATE utf8mb4_unicode_ci; CREATE USER IF NOT EXISTS 'workbench'@'127.0.0.1' IDENTIFIED BY '$(secret db-password)';
    GRANT ALL PRIVILEGES ON \`workbench%\`.* TO 'workbench'@'127.0.0.1';"
  log "database up on 127.0.0.1:$DB_PORT (pid $(cat "$WORK/db.pid"))"
}

db_stop() {
  [ -f "$WORK/db.pid" ] || return 0
  local pid; pid="$(cat "$WORK/db.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$WORK/db.pid"
  log "database stopped"
}

platforms_file() { # the drill's LMS (deploy/faults.sh), declared as a platform
  cat > "$WORK/platforms.json" <<JSON
{ "platforms": [ { "name": "Drill LMS (loopback)", "issuer": "http://127.0.0.1:$LMS_PORT",
  "clientId": "drill-client", "authUrl": "http://127.0.0.1:$LMS_PORT/auth",
  "tokenUrl": "http://127.0.0.1:$LMS_PORT/token", "jwksUrl": "http://127.0.0.1:$LMS_PORT/jwks",
  "deploymentIds": ["drill-deployment"] } ] }
JSON
}

node_start() {
  local n="$1" port="${NODE_PORTS[$1]}"
  if [ -f "$WORK/node$n.pid" ] && kill -0 "$(cat "$WORK/node$n.pid")" 2>/dev/null; then return; fi
  platforms_file
  mkdir -p "$WORK/node$n/tmp"
  [ -f "$WORK/logs/node$n.log" ] && mv "$WORK/logs/node$n.log" "$WORK/logs/node$n.previous.log"
  # shellcheck disable=SC2086
  env DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME" DB_USER=workbench DB_PASSWORD="$(secret db-password)" \
    WORKBENCH_PROFILE=production WORKBENCH_BASE_URL="http://127.0.0.1:$LB_PORT" WORKBENCH_ALLOW_HTTP_BASE_URL=true \
    WORKBENCH_KEY_ENCRYPTION_SECRET="$(secret key-encryption-secret)" WORKBENCH_ADMIN_SECRET="$(secret admin-secret)" \
    WORKBENCH_PLATFORMS_FILE="$WORK/platforms.json" WORKBENCH_TRUSTED_PROXIES=127.0.0.1 \
    WORKBENCH_GRADE_DELIVERY_LEASE_SECONDS="${WORKBENCH_GRADE_DELIVERY_LEASE_SECONDS:-20}" \
    java $JAVA_OPTS ${CLUSTER_JFR:+-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$WORK/node$n.jfr} \
      -Djava.io.tmpdir="$WORK/node$n/tmp" -jar ${JAR:-"$PAYARA" --deploy "$WAR" --postbootcommandfile "$ROOT/src/main/payara/post-boot-commands.txt"} \
      --contextroot / --port "$port" --name "node$n" \
      --clustername organizing-workbench --clustermode "tcpip:127.0.0.1:${HZ_PORTS[1]},127.0.0.1:${HZ_PORTS[2]}" \
      --startport "${HZ_PORTS[$n]}" --interfaces 127.0.0.1 --nohostaware --disablephonehome \
      >>"$WORK/logs/node$n.log" 2>&1 &
  echo $! > "$WORK/node$n.pid"
  log "node $n starting on 127.0.0.1:$port (pid $(cat "$WORK/node$n.pid"))"
}

node_signal() {
  local n="$1" signal="$2" pid
  [ -f "$WORK/node$n.pid" ] || return 0
  pid="$(cat "$WORK/node$n.pid")"
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$WORK/node$n.pid"
  log "node $n stopped ($signal)"
}

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/")" = 200 ]; }

wait_ready() { # until the port answers 200; gives up early when the node's process has gone
  local port="$1" limit="${2:-240}" pidfile="${3:-}"
  for _ in $(seq 1 "$limit"); do
    ready "$port" && return 0
    if [ -n "$pidfile" ] && ! kill -0 "$(cat "$pidfile" 2>/dev/null || echo 0)" 2>/dev/null; then break; fi
    if [ -n "$pidfile" ] && grep -q 'Deployment failed\|Boot failed\|MultiException' "$WORK/logs/$(basename "${pidfile%.pid}").log" 2>/dev/null; then break; fi
    sleep 1
  done
  log "127.0.0.1:$port did not become ready"; return 1
}

lb_start() {
  if [ -f "$WORK/haproxy.pid" ] && kill -0 "$(cat "$WORK/haproxy.pid")" 2>/dev/null; then return; fi
  sed -e "s#@WORK@#$WORK#" -e "s#@LB_PORT@#$LB_PORT#" -e "s#@NODE1_PORT@#${NODE_PORTS[1]}#" \
      -e "s#@NODE2_PORT@#${NODE_PORTS[2]}#" "$HERE/haproxy.cfg" > "$WORK/haproxy.cfg"
  haproxy -D -f "$WORK/haproxy.cfg" >>"$WORK/logs/haproxy.log" 2>&1
  log "balancer on 127.0.0.1:$LB_PORT"
}

lb_stop() {
  [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  rm -f "$WORK/haproxy.pid"
}

case "${1:-}" in
  start)
    db_start
    node_start 1; wait_ready "${NODE_PORTS[1]}" 240 "$WORK/node1.pid"   # on an empty database one node makes the keys first
    node_start 2; wait_ready "${NODE_PORTS[2]}" 240 "$WORK/node2.pid"
    lb_start; wait_ready "$LB_PORT" 30
    grep -h 'Members \[' -A3 "$WORK/logs/node2.log" | tail -4 || true
    log "cluster ready: http://127.0.0.1:$LB_PORT" ;;
  stop) lb_stop; node_signal 1 TERM; node_signal 2 TERM; db_stop ;;
  status)
    for n in 1 2; do printf 'node %s: %s\n' "$n" "$(ready "${NODE_PORTS[$n]}" && echo ready || echo down)"; done
    printf 'balancer: %s\n' "$(ready "$LB_PORT" && echo ready || echo down)" ;;
  node-start) node_start "$2"; wait_ready "${NODE_PORTS[$2]}" 240 "$WORK/node$2.pid" ;;
  node-kill) node_signal "$2" KILL ;;
  node-stop) node_signal "$2" TERM ;;
  db-start) db_start ;;
  db-stop) db_stop ;;
  db-restart) db_stop; db_start ;;
  sql) sql "$2" ;;
  pid) cat "$WORK/${2}.pid" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
