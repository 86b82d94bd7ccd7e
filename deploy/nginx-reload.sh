#!/bin/sh
# nginx reads the build's _retired.map only when it starts or reloads: run nginx, and
# reload it whenever the builder switches the `current` link to a new build.
set -eu
nginx -g 'daemon off;' &
pid=$!
last=$(readlink /srv/builds/current 2>/dev/null || true)
while kill -0 "$pid" 2>/dev/null; do
  sleep 5
  now=$(readlink /srv/builds/current 2>/dev/null || true)
  if [ "$now" != "$last" ]; then
    nginx -s reload
    last=$now
  fi
done
wait "$pid"
