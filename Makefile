# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make run PORT=8001` when 8000 is taken; links in emails follow the port unless SITE_URL is set.
PORT ?= 8000
RUN_SITE_URL := $(or $(SITE_URL),http://127.0.0.1:$(PORT))

.PHONY: run port-free test lint format worker beat bench migrate seed clean restore

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# The port is checked first, so a taken one is reported before minutes of installing.
run: port-free $(STAMP)
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py migrate --noinput
	SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py seed_campaign
	@echo
	@echo "Site: http://127.0.0.1:$(PORT)  (mail is printed here and kept in var/mail/)"
	@echo "Organiser account: $(BIN)/python manage.py createsuperuser, then open http://127.0.0.1:$(PORT)/en/admin/"
	@echo "  and sign in: organisers who can export set up an authenticator app on the next page."
	@echo
	SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

port-free:
	@python3 -c "$$PORT_CHECK" "$(PORT)"

define PORT_CHECK
import socket, sys
try:
    port = int(sys.argv[1])
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as runserver does
        sock.bind(("127.0.0.1", port))
except ValueError:
    sys.exit(f"PORT={sys.argv[1]} is not a port number: try  make run PORT=8001")
except OSError:
    sys.exit(
        f"Port {port} on 127.0.0.1 is taken (another 'make run' or server still running?).\n"
        f"Stop that server, or use another port:  make run PORT={port + 1}"
    )
endef
export PORT_CHECK

test: $(STAMP)
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/python -m pytest
	@echo "Organisers' actions again on the embedded default (SQLite, DEBUG on), as 'make run' gives:"
	env -u DATABASE_URL -u REDIS_URL -u REQUIRE_SERVICES DEBUG=true \
		$(BIN)/python -m pytest -m embedded -o django_debug_mode=true -p no:cacheprovider -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: $(STAMP)
	$(BIN)/celery -A campaign worker -Q default,mail,exports --loglevel=INFO

beat: $(STAMP)
	$(BIN)/celery -A campaign beat --loglevel=INFO

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Restore a dump from deploy/backup.sh into the empty database at DATABASE_URL (refuses a non-empty one).
restore:
	@test -n "$(DUMP)" || (echo "usage: make restore DUMP=campaign-....dump" >&2; exit 2)
	sh deploy/restore.sh "$(DUMP)"

clean:
	rm -rf $(VENV) var db.sqlite3 staticfiles
