#!/bin/sh
# Backups of PostgreSQL (custom format, for pg_restore). docker-compose's `backup` service runs
# `backup.sh loop`; tests/deploy/test_backup.py runs `backup.sh once`, the same code.
#   DATABASE_URL       the database to dump (postgres://user:password@host:5432/name)
#   BACKUP_DIR         where the dumps go (the `backups` volume)
#   BACKUP_KEEP_DAYS   dumps older than this many days are deleted (default 14)
#   BACKUP_HOUR        the hour, UTC, of the nightly dump (default 3)
# `backup.sh check` (the health check) fails when the newest dump is more than 26 hours old.
set -eu

: "${DATABASE_URL:?DATABASE_URL must be set}"
: "${BACKUP_DIR:?BACKUP_DIR must be set}"
KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
HOUR=${BACKUP_HOUR:-3}

log() {
	echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) backup: $*"
}

# A dump younger than $1 minutes exists.
recent() {
	[ -n "$(find "$BACKUP_DIR" -maxdepth 1 -name 'campaign-*.dump' -mmin "-$1" | head -n 1)" ]
}

once() {
	name="campaign-$(date -u +%Y%m%dT%H%M%SZ).dump"
	# Written aside and renamed, so a dump cut off by a crash or a full disk is never taken for a good one.
	pg_dump --format=custom --no-owner --no-privileges --file="$BACKUP_DIR/$name.partial" "$DATABASE_URL"
	mv "$BACKUP_DIR/$name.partial" "$BACKUP_DIR/$name"
	log "wrote $name ($(du -k "$BACKUP_DIR/$name" | cut -f1) KB)"
	find "$BACKUP_DIR" -maxdepth 1 -name 'campaign-*.dump.partial' -mmin +1440 -delete
	for old in $(find "$BACKUP_DIR" -maxdepth 1 -name 'campaign-*.dump' -mmin "+$((KEEP_DAYS * 1440))" | sort); do
		rm -f "$old"
		log "deleted $(basename "$old") (older than $KEEP_DAYS days)"
	done
	kept=$(find "$BACKUP_DIR" -maxdepth 1 -name 'campaign-*.dump' -printf '%f\n' | sort)
	log "keeping $(echo "$kept" | wc -l) dumps, $(echo "$kept" | head -n 1) to $(echo "$kept" | tail -n 1)"
}

loop() {
	sleeper=""
	log "dumping every night at $HOUR:00 UTC into $BACKUP_DIR, keeping $KEEP_DAYS days"
	# As PID 1 in a container, stop at once on `docker compose stop` (the sleep is waited on, not run in front).
	trap 'kill "$sleeper" 2>/dev/null; log "stopped"; exit 0' TERM INT
	while :; do
		if [ "$(date -u +%H)" -eq "$HOUR" ] && ! recent 720; then
			once
		elif ! recent 1500; then
			once # none in 25 hours: just started, or a night was missed
		fi
		sleep 600 &
		sleeper=$!
		wait "$sleeper"
	done
}

case "${1:-}" in
once) once ;;
loop) loop ;;
check) recent 1560 ;;
*)
	echo "usage: backup.sh once|loop|check" >&2
	exit 2
	;;
esac
