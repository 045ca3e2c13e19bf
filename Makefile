# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format worker beat bench migrate seed clean restore

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_campaign
	@echo
	@echo "Site: http://127.0.0.1:8000  (mail is printed here and kept in var/mail/)"
	@echo "Organiser account: $(BIN)/python manage.py createsuperuser, then"
	@echo "  $(BIN)/python manage.py otp_setup <username>   (organisers who can export sign in with an authenticator code)"
	@echo "  and open http://127.0.0.1:8000/en/admin/"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

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
