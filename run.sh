#!/usr/bin/env bash
# Starts the whole suite on the embedded default, in the foreground; Ctrl-C stops everything cleanly.
#   embedded MongoDB-wire server (data under ./data/) · auth-server · four services · gateway on :8080
# Builds the jars first when they are missing or older than the sources. On the first start of an empty data
# directory it loads the recorded history (history/*.json, from the seed documents); --empty leaves it out.
set -euo pipefail
cd "$(dirname "$0")"

JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xss512k -Xmx384m"}
# the console keeps nothing but sessions (in MongoDB): a smaller heap keeps it near 300 MB resident
# the console: a small heap, only the first JIT tier and one Netty buffer arena (224 MB resident after 2,300 pages
# against 301 MB with the defaults, and pages as fast: docs/benchmarks.md)
CONSOLE_JAVA_OPTS=${CONSOLE_JAVA_OPTS:-"-XX:+UseSerialGC -Xss512k -Xmx128m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1 -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1"}
LOGS=${LOGS:-logs}
MONGO_PORT=${UNCAC_MONGO_PORT:-27017}
export UNCAC_MONGODB_URI=${UNCAC_MONGODB_URI:-mongodb://127.0.0.1:${MONGO_PORT}}

load_history=true
for arg in "$@"; do
  case "$arg" in
    --empty) load_history=false ;;
    *) echo "usage: ./run.sh [--empty]   (--empty: do not load the recorded history on a first start)"; exit 2 ;;
  esac
done

modules=(embedded-mongo auth-server directory-service notes-verbales-service meetings-service recommendations-service console gateway history-import)
jar_of() { echo "$1/target/$1-0.1.0-SNAPSHOT-exec.jar"; }

needs_build=false
for m in "${modules[@]}"; do
  jar=$(jar_of "$m")
  if [ ! -f "$jar" ] || [ -n "$(find "$m/src" platform/src token-checks/src pom.xml "$m/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "building the suite (./mvnw install -DskipTests) ..."
  ./mvnw -q -B -ntp install -DskipTests
fi

mkdir -p "$LOGS" data
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped"
  exit 0
}
trap stop INT TERM EXIT

start() { # module [args...]
  local m=$1; shift
  local opts=$JAVA_OPTS
  [ "$m" = console ] && opts=$CONSOLE_JAVA_OPTS
  "$JAVA" $opts -jar "$(jar_of "$m")" "$@" > "$LOGS/$m.log" 2>&1 &
  pids+=($!)
}

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "not up in $2 s: $1 (see $LOGS/)"; return 1; fi
    sleep 1
  done
}

began=$SECONDS
first_start=false
[ -f data/uncac-2.mv ] || first_start=true
start embedded-mongo data/uncac-2.mv "$MONGO_PORT"
until (exec 3<>/dev/tcp/127.0.0.1/"$MONGO_PORT") 2>/dev/null; do sleep 0.3; done
echo "embedded MongoDB-wire server on $UNCAC_MONGODB_URI (data: ./data/uncac-2.mv)"

# the embedded default may use the development clients' secrets (never set outside run.sh and the tests)
start auth-server --uncac.auth.development-secrets=true
for m in directory-service notes-verbales-service meetings-service recommendations-service console gateway; do
  start "$m"
done

# ready = started, reference data imported, and every read model within a few events of the store's head
for url in http://localhost:9000/actuator/health http://localhost:8081/actuator/health/readiness \
           http://localhost:8082/actuator/health/readiness http://localhost:8083/actuator/health/readiness \
           http://localhost:8084/actuator/health/readiness http://localhost:8085/actuator/health \
           http://localhost:8080/actuator/health; do
  wait_http "$url" 180
done

# the history is loaded once: marked pending on the first start, unmarked when it has loaded completely
if $first_start && $load_history; then
  touch data/history-pending
elif $first_start; then
  echo "first start with --empty: the recorded history is not loaded"
fi
if [ -f data/history-pending ]; then
  echo "loading the recorded history (history/*.json) through the API ..."
  if "$JAVA" -jar "$(jar_of history-import)" --base http://localhost:8080 --client history-import \
      --secret history-import-secret --dir history > "$LOGS/history-import.log" 2>&1; then
    rm -f data/history-pending
    sed -n 1p "$LOGS/history-import.log"
  else
    echo "the history did not load completely: see $LOGS/history-import.log (the next ./run.sh goes on with it)"
  fi
fi

cat <<INFO

UNCAC expert meetings suite is up ($((SECONDS - began)) s)
  console      http://localhost:8080/   (people: officer / officer-secret, chairperson / chair-secret,
                                         aut-focal-point / aut-secret)
  gateway      http://localhost:8080
  Swagger UI   http://localhost:8080/swagger-ui.html
  token        curl -u secretariat:secretariat-secret -d grant_type=client_credentials http://localhost:8080/oauth2/token
  dev clients  secretariat / secretariat-secret (SECRETARIAT), chair / chair-secret (CHAIR),
               history-import / history-import-secret (SECRETARIAT, loads history/)
  logs         ./$LOGS/    data ./data/
Ctrl-C stops everything.
INFO
wait
