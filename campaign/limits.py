"""Abuse limits: one named function per limit (as healthchecks' TokenBucket has one method per
limit), each counting one attempt and returning whether it is allowed.

Fixed windows are counted in the cache (Redis in production). Keys are hashed with the secret key,
so an email address never appears in Redis. If the cache is down, a limit on a network lets the
request through (a signature must never be lost to a Redis outage); a limit that guards mail to a
typed-in address counts in the database instead (campaign.RateLimitCounter), so that an outage never
opens the way to mail bombing. The counts an operator may change are settings (RATE_LIMIT_*); the
rest are here.
"""

import hashlib
import hmac
import ipaddress
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from campaign.forms import normalise_email

log = logging.getLogger(__name__)

HOUR, DAY = 3600, 24 * 3600
# (count, window in seconds)
RESENDS_PER_SIGNATURE = (3, HOUR)  # as many as RATE_LIMIT_SIGN_PER_EMAIL's default
DATA_REQUESTS_PER_NETWORK = (10, HOUR)
DATA_REQUESTS_PER_EMAIL = (3, HOUR)
LETTER_REPORTS_PER_NETWORK = (5, DAY)  # 'I sent a letter' is a public counter
KEPT_LETTERS_PER_NETWORK = (20, DAY)  # kept copies take database space
REMINDERS_PER_NETWORK = (10, HOUR)
REMINDERS_PER_EMAIL = (3, HOUR)
LETTER_CHECKS_PER_NETWORK = (600, 600)  # the live censor check asks once per pause in typing


def hashed(value):
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def allowed(*, scope, key, limit, period=None, fail_closed=False):
    """Count one attempt; True while the count within the window is at most `limit`.

    `limit` is a count with its `period` in seconds, or a (count, period) pair. With `fail_closed`
    (limits on mail to a typed-in address) a cache outage counts in the database instead of allowing.
    """
    if period is None:
        limit, period = limit
    return allowed_in_turn((scope, key, (limit, period), fail_closed))[0]


# Counts attempts against several limits in one round trip, in turn, stopping at the first one that
# is exceeded (the later ones are then not counted). INCR, and the window's expiry on the first count.
_COUNT_IN_TURN = """
local counts = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, ARGV[2 * i]) end
  counts[i] = count
  if count > tonumber(ARGV[2 * i - 1]) then break end
end
return counts
"""


def allowed_in_turn(*limits):
    """Count one attempt against each (scope, key, (count, period)[, fail_closed]) in turn: a list of
    booleans.

    A limit after one that refuses is not counted and reads False. On Redis this is one round trip
    (a Lua script); elsewhere (the embedded default's in-process cache) one cache call per limit.
    """
    keys = [f"rl:{scope}:{hashed(key)}" for scope, key, *_ in limits]
    cache = caches["default"]
    try:
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)  # Django's own connection pool
            args = [number for _, _, (count, period), *_ in limits for number in (count, period)]
            counts = client.eval(_COUNT_IN_TURN, len(keys), *[cache.make_and_validate_key(k) for k in keys], *args)
        else:
            counts = []
            for key, (_, _, (count, period), *_) in zip(keys, limits, strict=True):
                cache.add(key, 0, timeout=period)
                counts.append(cache.incr(key))
                if counts[-1] > count:
                    break
    except Exception:  # cache unreachable: limits on mail to a typed-in address count in the database
        log.warning("rate limit: cache unavailable for %s", ", ".join(scope for scope, *_ in limits))
        counts = _counted_without_cache(keys, limits)
    counts = [int(n) for n in counts] + [None] * (len(limits) - len(counts))
    return [n is not None and n <= count for n, (_, _, (count, _), *_) in zip(counts, limits, strict=True)]


def _counted_without_cache(keys, limits):
    """Counts with Redis down: a limit that fails closed counts in PostgreSQL, the others let through."""
    counts = []
    for key, (_, _, (count, period), *fail_closed) in zip(keys, limits, strict=True):
        if fail_closed and fail_closed[0]:
            counts.append(_database_count(f"{key}:{int(time.time() // period)}", period))
            if counts[-1] > count:
                break
        else:
            counts.append(0)
    return counts


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


def counters_purge():
    """Delete the database counters whose window is over. Safe to run twice."""
    from campaign.models import RateLimitCounter

    return RateLimitCounter.objects.filter(expires_at__lt=timezone.now()).delete()[0]


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


# --- petitions ---------------------------------------------------------------------------------------


def sign_from_network(request):
    return allowed(scope="sign-ip", key=client_ip(request), limit=settings.RATE_LIMIT_SIGN_PER_IP)


def sign_mail_to(email):
    """Over this limit the signer sees the same page, but no more mail goes out."""
    return allowed(
        scope="sign-email", key=normalise_email(email), limit=settings.RATE_LIMIT_SIGN_PER_EMAIL, fail_closed=True
    )


def sign_attempt(request, email):
    """Both signing limits in one round trip: (sign_from_network, sign_mail_to).

    The address is counted only when the network is allowed, as when the two are called in turn.
    """
    by_network, by_mail = allowed_in_turn(
        ("sign-ip", client_ip(request), settings.RATE_LIMIT_SIGN_PER_IP),
        ("sign-email", normalise_email(email), settings.RATE_LIMIT_SIGN_PER_EMAIL, True),
    )
    return by_network, by_network and by_mail


def confirmation_resend(signature_id):
    """Mail to the address that signed: the per-address count, kept even when Redis is down."""
    return allowed(scope="resend", key=str(signature_id), limit=RESENDS_PER_SIGNATURE, fail_closed=True)


def data_request(request, email):
    """The 'your data' email: per network, then per address (counted only when the first allows)."""
    return allowed(scope="data-ip", key=client_ip(request), limit=DATA_REQUESTS_PER_NETWORK) and allowed(
        scope="data-email", key=normalise_email(email), limit=DATA_REQUESTS_PER_EMAIL, fail_closed=True
    )


# --- letters -----------------------------------------------------------------------------------------


def letter_report_from_network(request):
    return allowed(scope="letters-report", key=client_ip(request), limit=LETTER_REPORTS_PER_NETWORK)


def kept_letter_from_network(request):
    return allowed(scope="letters-keep", key=client_ip(request), limit=KEPT_LETTERS_PER_NETWORK)


def reminders_from_network(request):
    return allowed(scope="reminders-ip", key=client_ip(request), limit=REMINDERS_PER_NETWORK)


def letter_pdf_from_network(request):
    """A public PDF costs CPU."""
    return allowed(scope="letters-pdf", key=client_ip(request), limit=settings.RATE_LIMIT_PDF_PER_IP)


def letter_check_from_network(request):
    return allowed(scope="letters-check", key=client_ip(request), limit=LETTER_CHECKS_PER_NETWORK)


def reminders_mail_to(email):
    return allowed(scope="reminders-email", key=normalise_email(email), limit=REMINDERS_PER_EMAIL, fail_closed=True)


# --- organisers --------------------------------------------------------------------------------------


def admin_login(request, username):
    """Per (account, network), so that guesses from elsewhere never lock an organiser out, and three
    times that per network (an office shares one address)."""
    limit, period = settings.RATE_LIMIT_ADMIN_LOGIN
    ip = client_ip(request)
    by_ip = allowed(scope="login-ip", key=ip, limit=limit * 3, period=period)
    by_user = allowed(scope="login-user-ip", key=f"{username}|{ip}", limit=limit, period=period)
    return by_ip and by_user
