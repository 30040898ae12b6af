#!/usr/bin/env bash
# Install PostgreSQL (Debian) if needed and start a throw-away cluster on 127.0.0.1.
# Prints `export SUPPORTDESK_TEST_PG=...` on stdout, so CI can run:
#   eval "$(bash .ci/postgres.sh)"
# Everything else goes to stderr. The cluster lives in a temp dir and is discarded with the job.
set -euo pipefail

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    ($SUDO apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql) >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# A free port unless one is asked for: another cluster may already listen on a fixed one.
PORT=${SUPPORTDESK_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DIR=$(mktemp -d /tmp/supportdesk-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$DIR"
    RUN_AS=(runuser -u postgres --)
fi
"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U supportdesk --auth=trust -E UTF8 >&2
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=300" \
    start >&2
"${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U supportdesk supportdesk_test >&2
echo "export SUPPORTDESK_TEST_PG=postgresql://supportdesk@127.0.0.1:$PORT/supportdesk_test"
echo "# stop with: ${RUN_AS[*]} $BIN/pg_ctl -D $DIR/data stop" >&2
