"""Fixed-window rate limits kept in the cache (Redis in production).

Keys are hashed with the secret key, so an email address never appears in Redis. If the cache is
down, a limit on a network lets the request through (a signature must never be lost to a Redis
outage); a limit that guards mail to a typed-in address counts in the database instead, so that an
outage never opens the way to mail bombing.
"""

import hashlib
import hmac
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

log = logging.getLogger(__name__)


def hashed(value):
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def rate_limit_hit(*, scope, key, limit, period):
    """Count one attempt; return True while the count within the window is at most `limit`."""
    cache_key = f"rl:{scope}:{hashed(key)}"
    try:
        cache.add(cache_key, 0, timeout=period)
        count = cache.incr(cache_key)
    except Exception:  # cache unreachable: fail open
        log.warning("rate limit: cache unavailable, allowing %s", scope)
        return True
    return count <= limit


def mail_rate_limit_hit(*, scope, key, limit, period):
    """As rate_limit_hit, for limits that guard mail to a typed-in address: if the cache is down, the
    count is kept in the database (campaign.RateLimitCounter) rather than let through."""
    cache_key = f"rl:{scope}:{hashed(key)}"
    try:
        cache.add(cache_key, 0, timeout=period)
        count = cache.incr(cache_key)
    except Exception:  # cache unreachable: count in PostgreSQL
        log.warning("rate limit: cache unavailable, counting %s in the database", scope)
        count = _database_count(f"{cache_key}:{int(time.time() // period)}", period)
    return count <= limit


def _database_count(key, period):
    from campaign.models import RateLimitCounter

    expires_at = timezone.now() + timedelta(seconds=period)
    for _attempt in range(2):
        if RateLimitCounter.objects.filter(key=key).update(count=F("count") + 1):
            return RateLimitCounter.objects.filter(key=key).values_list("count", flat=True).get()
        try:
            with transaction.atomic():
                RateLimitCounter.objects.create(key=key, count=1, expires_at=expires_at)
            return 1
        except IntegrityError:  # a concurrent request created it: count again
            continue
    return RateLimitCounter.objects.filter(key=key).values_list("count", flat=True).get()


def rate_limit_counters_purge():
    """Delete the database counters whose window is over. Safe to run twice."""
    from campaign.models import RateLimitCounter

    return RateLimitCounter.objects.filter(expires_at__lt=timezone.now()).delete()[0]


def letter_pdf_allowed(request):
    """A public PDF costs CPU: so many per address in a window (settings.RATE_LIMIT_PDF_PER_IP)."""
    limit, period = settings.RATE_LIMIT_PDF_PER_IP
    return rate_limit_hit(scope="letters-pdf", key=client_ip(request), limit=limit, period=period)


def client_ip(request):
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
