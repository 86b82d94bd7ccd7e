#!/bin/sh
# nginx reads the build's _retired.map only when it starts or reloads: run nginx, and
# reload it whenever the builder switches the `current` link to a new build. A reload nginx
# refuses leaves the old configuration serving: the script says so and keeps watching,
# never stopping the container (nginx would refuse the same map again on a restart).
# NGINX_ARGS, CURRENT and INTERVAL exist for the test (scripts/deploy/nginx-reload.int.test.ts).
set -u
NGINX_ARGS=${NGINX_ARGS:-}
CURRENT=${CURRENT:-/srv/builds/current}
INTERVAL=${INTERVAL:-5}

log() { echo "nginx-reload: $*" >&2; }

# shellcheck disable=SC2086 # NGINX_ARGS is a list of words
nginx $NGINX_ARGS -g 'daemon off;' &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT
last=$(readlink "$CURRENT" 2>/dev/null || true)
while kill -0 "$pid" 2>/dev/null; do
  sleep "$INTERVAL"
  now=$(readlink "$CURRENT" 2>/dev/null || true)
  [ "$now" = "$last" ] && continue
  last=$now
  # shellcheck disable=SC2086
  if problem=$(nginx $NGINX_ARGS -t 2>&1); then
    # shellcheck disable=SC2086
    if nginx $NGINX_ARGS -s reload 2>&1; then
      log "reloaded for build $now"
    else
      log "reload for build $now failed; nginx keeps serving with the previous configuration"
    fi
  else
    log "REFUSED build $now: nginx keeps serving with the previous configuration and map: $(echo "$problem" | grep -E 'emerg|error' | head -n 3)"
  fi
done
wait "$pid"
