"""Fixed-window rate limits kept in the cache (Redis in production).

Keys are hashed with the secret key, so an email address never appears in Redis. If the cache is
down, the limit lets the request through: a signature must never be lost to a Redis outage.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

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


def client_ip(request):
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
