"""Fixed-window rate limits kept in the cache (Redis in production).

Keys are hashed with the secret key, so an email address never appears in Redis. If the cache is
down, the limit lets the request through: a signature must never be lost to a Redis outage.
"""

import hashlib
import hmac
import ipaddress
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
    """The visitor's address, as every rate limit counts it.

    With TRUSTED_PROXY_HOPS = 0 the site faces the visitor and REMOTE_ADDR is the address. Behind N
    proxies it runs, each appends the address it received the request from to X-Forwarded-For, so the
    Nth address from the right was written by the outermost trusted proxy; anything to its left came
    from the client and is ignored. A header shorter than N holds only addresses our proxies wrote.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    address = forwarded[-min(hops, len(forwarded))]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # not an address: a misconfigured proxy; never count by what a client typed
        log.warning("client address: X-Forwarded-For entry is not an address, using REMOTE_ADDR")
        return remote
