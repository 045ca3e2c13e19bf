#!/bin/sh
# Restore a dump made by backup.sh into an EMPTY database: `restore.sh DUMP` (into $DATABASE_URL)
# or `restore.sh DUMP DATABASE_URL`. A database that already has tables is refused: restoring over
# live data would mix two states. README, "Backups", has the steps around it.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: restore.sh DUMP [DATABASE_URL]" >&2
	exit 2
fi
dump=$1
target=${2:-${DATABASE_URL:?DATABASE_URL must be set}}

if ! pg_restore --list "$dump" >/dev/null; then
	echo "restore: $dump is not a dump pg_restore can read" >&2
	exit 2
fi
tables=$(psql "$target" -X -q -t -A -v ON_ERROR_STOP=1 -c \
	"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
	 AND c.relkind IN ('r', 'p', 'v', 'm', 'S')")
if [ "$tables" != "0" ]; then
	echo "restore: the target database is not empty ($tables tables, views or sequences); refusing." >&2
	echo "restore: create an empty one (createdb) and restore into that." >&2
	exit 3
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$dump"
echo "restore: restored $(basename "$dump")"
