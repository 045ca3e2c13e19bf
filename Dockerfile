# Two images from one build. `site`: the web process, the Celery worker and Celery beat.
# `proxy`: Caddy in front of them, with deploy/Caddyfile and the site's collected static files.
FROM python:3.11-slim-bookworm AS site

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 campaign

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# collectstatic needs settings but no secrets or services: a throw-away key and a mail server never used.
# The volume mount points exist and belong to the site's user, so the named volumes start with the right owner.
RUN DEBUG=false SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    EMAIL_URL=smtp://build-only.invalid:25 python manage.py collectstatic --noinput \
    && python manage.py compile_translations \
    && mkdir -p /app/var/media /app/var/exports && chown -R campaign /app/var

USER campaign
EXPOSE 8000
CMD ["gunicorn", "campaign.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--max-requests", "2000", "--max-requests-jitter", "200"]

# Debian's caddy package: the same binary .ci/run installs and tests/deploy/test_proxy.py runs.
FROM debian:bookworm-slim AS proxy
RUN apt-get update && apt-get install -y --no-install-recommends caddy ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data /config /srv/media && chown caddy:caddy /data /config
COPY deploy/Caddyfile /etc/caddy/Caddyfile
COPY --from=site /app/staticfiles /srv/static
# Certificates and the ACME account live in /data: a volume, or Let's Encrypt's rate limits bite.
ENV XDG_DATA_HOME=/data XDG_CONFIG_HOME=/config
USER caddy
EXPOSE 80 443 443/udp
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
