#!/usr/bin/env bash
# Starts the whole suite on the embedded default, in the foreground; Ctrl-C stops everything cleanly.
#   embedded MongoDB-wire server (data under ./data/) · auth-server · four services · gateway on :8080
# Builds the jars first when they are missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")"

JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xss512k -Xmx384m"}
LOGS=${LOGS:-logs}
MONGO_PORT=${UNCAC_MONGO_PORT:-27017}
export UNCAC_MONGODB_URI=${UNCAC_MONGODB_URI:-mongodb://127.0.0.1:${MONGO_PORT}}

modules=(embedded-mongo auth-server directory-service notes-verbales-service meetings-service recommendations-service gateway)
jar_of() { echo "$1/target/$1-0.1.0-SNAPSHOT-exec.jar"; }

needs_build=false
for m in "${modules[@]}"; do
  jar=$(jar_of "$m")
  if [ ! -f "$jar" ] || [ -n "$(find "$m/src" platform/src pom.xml "$m/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
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
  "$JAVA" $JAVA_OPTS -jar "$(jar_of "$m")" "$@" > "$LOGS/$m.log" 2>&1 &
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
start embedded-mongo data/uncac-2.mv "$MONGO_PORT"
until (exec 3<>/dev/tcp/127.0.0.1/"$MONGO_PORT") 2>/dev/null; do sleep 0.3; done
echo "embedded MongoDB-wire server on $UNCAC_MONGODB_URI (data: ./data/uncac-2.mv)"

for m in auth-server directory-service notes-verbales-service meetings-service recommendations-service gateway; do
  start "$m"
done

for url in http://localhost:9000/actuator/health http://localhost:8081/actuator/health \
           http://localhost:8082/actuator/health http://localhost:8083/actuator/health \
           http://localhost:8084/actuator/health http://localhost:8080/actuator/health; do
  wait_http "$url" 180
done

cat <<INFO

UNCAC expert meetings suite is up ($((SECONDS - began)) s)
  gateway      http://localhost:8080
  Swagger UI   http://localhost:8080/swagger-ui.html
  token        curl -u secretariat:secretariat-secret -d grant_type=client_credentials http://localhost:8080/oauth2/token
  dev clients  secretariat / secretariat-secret (SECRETARIAT), chair / chair-secret (CHAIR)
  logs         ./$LOGS/    data ./data/
Ctrl-C stops everything.
INFO
wait
