"""Settings, read from the environment (see .env.example).

With no environment at all the site runs on the embedded default: SQLite, Celery tasks run
in-process, mail printed to the console and kept in var/mail. With DEBUG off (production mode)
a missing secret stops start-up with a clear message.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)
EMBEDDED_SECRET_KEY = "embedded-default-insecure-key-for-local-use-only"
# Keys published somewhere (this repository, its examples, Django's docs): they sign nothing in production.
KNOWN_SECRET_KEYS = {
    EMBEDDED_SECRET_KEY,
    "change-me-in-production-to-a-long-random-string",
    "a-long-random-string",
    "change-me",
    "changeme",
    "secret",
}
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 10


def check_secret_key(key):
    """Refuse a key anyone could guess: it signs every confirm, withdraw and 'your data' link."""
    if not key:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (production mode).")
    if key in KNOWN_SECRET_KEYS or key.startswith("django-insecure"):
        raise ImproperlyConfigured("SECRET_KEY is a published example; generate your own (see the README).")
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too short or too repetitive: use at least {SECRET_KEY_MIN_LENGTH} random characters,"
            " e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )


SECRET_KEY = env.str("SECRET_KEY", default="")
if not DEBUG:
    check_secret_key(SECRET_KEY)
elif not SECRET_KEY:
    SECRET_KEY = EMBEDDED_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    # Before the admin: it patches the admin's forms for the translated content fields.
    "modeltranslation",
    "campaign.admin_config.CampaignAdminConfig",
    # Before auth: its createsuperuser checks a password given with --noinput too.
    "campaign",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "petitions",
    "letters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "campaign.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "campaign.urls"
WSGI_APPLICATION = "campaign.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campaign.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the cache (and so the rate limiter) and Celery's broker. Without it, the cache is
# in-process and tasks run eagerly: the embedded default.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered fragments that are the same for every visitor (the empty sign form), kept in each process:
# rendering ~250 countries costs most of a petition page, and a Redis outage must not break the page.
# Whole pages for anonymous visitors (campaign/pagecache.py): in Redis this long, and in each process
# this long in front of it (also how long another process may show a page after organisers change it).
# 0 turns the page cache off (the tests do, but for those of the cache itself).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=10)
PAGE_CACHE_LOCAL_SECONDS = env.int("PAGE_CACHE_LOCAL_SECONDS", default=2)
CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
# Celery's Django fix-up closes the database connection before and after every task unless this is
# set: a new PostgreSQL connection per email and per beat tick, hundreds a second in a burst, stalled
# the workers for tens of seconds in `connect` (bench/RESULTS.md). Reused for this many tasks instead.
CELERY_DB_REUSE_MAX = 200
# Besides each app's tasks.py (found by autodiscovery), the modules whose tasks live beside their service.
CELERY_INCLUDE = ["campaign.mail", "campaign.your_data", "petitions.exports", "petitions.updates"]
CELERY_TASK_ROUTES = {
    "campaign.mail.send_outgoing_email": {"queue": "mail"},
    "petitions.exports.run_export_job": {"queue": "exports"},
}
# Fail fast when the broker is down: the outbox sweep sends the mail later. A task is acknowledged
# when it ends (acks_late); one whose worker died is redelivered by Redis after the visibility
# timeout. That is kept longer than the longest retry countdown (3 h, campaign/mail.py), or every
# waiting retry would be delivered again each time it passed; recovering a dead worker's mail within
# two minutes is the outbox sweep's job, not Redis's (redelivered tasks find their row sent and stop).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Celery's default tries a publish four times over 0.6 s: with Redis down, each form that hands work to
# a task would keep its visitor that long, for nothing the fallbacks above do not already cover.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.05, "interval_max": 0.05}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 1,
    "socket_connect_timeout": 2,
    "socket_timeout": 2,
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=4 * 3600),
}
# How often the outbox sweep runs: with EMAIL_TIMEOUT, it bounds how late a dead worker's mail goes out.
OUTBOX_SWEEP_SECONDS = env.int("OUTBOX_SWEEP_SECONDS", default=15)
CELERY_BEAT_SCHEDULE = {
    "sweep-outbox": {"task": "campaign.tasks.sweep_outbox", "schedule": float(OUTBOX_SWEEP_SECONDS)},
    "expire-exports": {"task": "petitions.tasks.expire_exports", "schedule": 600.0},
    "erase-unconfirmed-signatures": {"task": "petitions.tasks.erase_unconfirmed_signatures", "schedule": 3600.0},
    "purge-outbox": {"task": "campaign.tasks.purge_outbox", "schedule": 3600.0},
}

# Updates to supporters go out in a batch every this many seconds, each batch the organisers' rate
# per minute (scaled); the sweep enqueues the next batch of an update whose task was lost. 0 sends
# everything at once: the embedded default, where tasks run in-process and mail is only printed.
UPDATE_BATCH_SECONDS = env.int("UPDATE_BATCH_SECONDS", default=60 if REDIS_URL else 0)
# Signatures taken by the sign form are recorded and mailed by this task (petitions/services.py,
# signatures_record); a tick older than a few seconds is dropped, as the next one does its work.
CELERY_BEAT_SCHEDULE["record-signatures"] = {
    "task": "petitions.tasks.record_signatures",
    "schedule": 1.0,
    "options": {"expires": 5},
}
CELERY_BEAT_SCHEDULE["resume-updates"] = {"task": "petitions.tasks.resume_updates", "schedule": 60.0}

# Letters: reminders before the key dates, checked every six hours; each date is sent once per subscriber.
CELERY_BEAT_SCHEDULE["letters-reminders"] = {"task": "letters.tasks.send_reminders", "schedule": 6 * 3600.0}

# Mail: EMAIL_URL such as smtp://user:password@host:587 (add ?ssl or ?tls). Without it, mail is
# printed to the console and kept in var/mail, so a confirmation link can be followed locally.
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
elif not DEBUG:
    # The local fallback prints whole emails (addresses, live links) to the log and keeps them on disk.
    raise ImproperlyConfigured("EMAIL_URL must be set when DEBUG is off (production mode): a real mail server.")
else:
    EMAIL_BACKEND = "campaign.mail_backends.ConsoleAndFileBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
# Seconds for each step of an SMTP conversation; it bounds a send, and so how soon the outbox may
# take a dead worker's email back (campaign/mail.py). Raising it delays that recovery.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=5)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Free Viasna <campaign@localhost>")
# The sender of every email anyone can have sent to any address by typing it (confirmations, the
# 'your data' link): a neutral name, so that the inbox of someone in Belarus names no cause. Use an
# address whose domain names no cause either.
NEUTRAL_FROM_EMAIL = env.str("NEUTRAL_FROM_EMAIL", default="Confirmation <confirm@localhost>")
ORGANISER_EMAILS = env.list("ORGANISER_EMAILS", default=[])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("be", _("Belarusian")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Minsk"
USE_I18N = True
# Dates and numbers in each language's own way; Django has no formats for Belarusian, ours are here.
FORMAT_MODULE_PATH = ["campaign.formats"]

# Content that organisers write (profiles, timelines, the petition, key dates) has a field per
# language (title_en, title_be, title_ru). English is what the seed and the organisers write first:
# an empty Belarusian or Russian field shows the English text, and the page says so.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# A cap on request size: the sign form is a few hundred bytes.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=64 * 1024)
# The admin's person page (three languages, six inlines) posts well over 100 fields; Django's default.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# How long a confirmation link stays valid, and the abuse limits (count per window in seconds).
CONFIRMATION_MAX_AGE = env.int("CONFIRMATION_MAX_AGE", default=7 * 24 * 3600)
# Withdraw and unsubscribe links (every email carries one) work this long; the 'your data' page gives
# fresh ones. A 'your data' link works for a day.
WITHDRAW_LINK_MAX_AGE = env.int("WITHDRAW_LINK_MAX_AGE", default=365 * 24 * 3600)
DATA_LINK_MAX_AGE = env.int("DATA_LINK_MAX_AGE", default=24 * 3600)
RATE_LIMIT_SIGN_PER_IP = (env.int("RATE_LIMIT_SIGN_PER_IP", default=20), 3600)
RATE_LIMIT_SIGN_PER_EMAIL = (env.int("RATE_LIMIT_SIGN_PER_EMAIL", default=3), 3600)
RATE_LIMIT_ADMIN_LOGIN = (env.int("RATE_LIMIT_ADMIN_LOGIN", default=5), 900)
RATE_LIMIT_PDF_PER_IP = (env.int("RATE_LIMIT_PDF_PER_IP", default=30), 3600)
# Seconds a public letter PDF may take to render (the caps on its length keep it far below).
PDF_TIME_LIMIT = env.float("PDF_TIME_LIMIT", default=5.0)
OTP_TOTP_ISSUER = "Free Viasna"
# Signatures never confirmed are erased, with their emails, this many days after signing.
# A held person's status older than this (days since a source last confirmed it) is flagged on their card
# as possibly out of date, and listed on the organisers' dashboard to check.
STATUS_CHECK_AFTER_DAYS = env.int("STATUS_CHECK_AFTER_DAYS", default=90)
UNCONFIRMED_RETENTION_DAYS = env.int("UNCONFIRMED_RETENTION_DAYS", default=14)
# Emails' bodies are blanked once sent; the record that an email went out is deleted after this many days.
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=30)

# Exports: bigger ones (and XLSX) run on the "exports" queue and are written here, outside
# MEDIA_ROOT so that nothing serves them but the requester's download view; deleted after 24 hours.
EXPORT_ROOT = env.path("EXPORT_ROOT", default=str(VAR_DIR / "exports"))
EXPORT_STREAM_MAX_ROWS = env.int("EXPORT_STREAM_MAX_ROWS", default=100_000)

# How many proxies we run stand between the visitor and gunicorn (Caddy in docker-compose: 1). The rate
# limits take the address the outermost of them wrote into X-Forwarded-For (campaign.limits.client_ip);
# 0 means the site faces visitors directly and REMOTE_ADDR is used.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
if TRUSTED_PROXY_HOPS < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_HOPS must be 0 or more")
if env.bool("TRUST_X_FORWARDED_FOR", default=False):
    # It trusted the leftmost address, which the visitor writes; say so rather than silently ignore it.
    raise ImproperlyConfigured("TRUST_X_FORWARDED_FOR is gone: set TRUSTED_PROXY_HOPS (1 behind one proxy)")

# Everything comes from this site: no inline script, no other origin (supporters may be watched).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    feature: [] for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Logs never carry emails or tokens: views and services log ids only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
