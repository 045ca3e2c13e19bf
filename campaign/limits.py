"""Abuse limits: one named function per limit (as healthchecks' TokenBucket has one method per
limit), each counting one attempt and returning whether it is allowed.

Fixed windows are counted in the cache (Redis in production). Keys are hashed with the secret key,
so an email address never appears in Redis. If the cache is down, a limit lets the request through:
a signature must never be lost to a Redis outage. The counts an operator may change are settings
(RATE_LIMIT_*); the rest are here.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from campaign.forms import normalise_email

log = logging.getLogger(__name__)

HOUR, DAY = 3600, 24 * 3600
# (count, window in seconds)
RESENDS_PER_SIGNATURE = (3, HOUR)
DATA_REQUESTS_PER_NETWORK = (10, HOUR)
DATA_REQUESTS_PER_EMAIL = (3, HOUR)
LETTER_REPORTS_PER_NETWORK = (5, DAY)  # 'I sent a letter' is a public counter
KEPT_LETTERS_PER_NETWORK = (20, DAY)  # kept copies take database space
REMINDERS_PER_NETWORK = (10, HOUR)
REMINDERS_PER_EMAIL = (3, HOUR)


def hashed(value):
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def allowed(*, scope, key, limit, period=None):
    """Count one attempt; True while the count within the window is at most `limit`.

    `limit` is a count with its `period` in seconds, or a (count, period) pair.
    """
    if period is None:
        limit, period = limit
    return allowed_in_turn((scope, key, (limit, period)))[0]


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
    """Count one attempt against each (scope, key, (count, period)) in turn: a list of booleans.

    A limit after one that refuses is not counted and reads False. On Redis this is one round trip
    (a Lua script); elsewhere (the embedded default's in-process cache) one cache call per limit.
    """
    keys = [f"rl:{scope}:{hashed(key)}" for scope, key, _ in limits]
    cache = caches["default"]
    try:
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)  # Django's own connection pool
            args = [number for _, _, (count, period) in limits for number in (count, period)]
            counts = client.eval(_COUNT_IN_TURN, len(keys), *[cache.make_and_validate_key(k) for k in keys], *args)
        else:
            counts = []
            for key, (_, _, (count, period)) in zip(keys, limits, strict=True):
                cache.add(key, 0, timeout=period)
                counts.append(cache.incr(key))
                if counts[-1] > count:
                    break
    except Exception:  # cache unreachable: fail open
        log.warning("rate limit: cache unavailable, allowing %s", ", ".join(scope for scope, _, _ in limits))
        return [True] * len(limits)
    counts = [int(n) for n in counts] + [None] * (len(limits) - len(counts))
    return [n is not None and n <= count for n, (_, _, (count, _)) in zip(counts, limits, strict=True)]


def client_ip(request):
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


# --- petitions ---------------------------------------------------------------------------------------


def sign_from_network(request):
    return allowed(scope="sign-ip", key=client_ip(request), limit=settings.RATE_LIMIT_SIGN_PER_IP)


def sign_mail_to(email):
    """Over this limit the signer sees the same page, but no more mail goes out."""
    return allowed(scope="sign-email", key=normalise_email(email), limit=settings.RATE_LIMIT_SIGN_PER_EMAIL)


def sign_attempt(request, email):
    """Both signing limits in one round trip: (sign_from_network, sign_mail_to).

    The address is counted only when the network is allowed, as when the two are called in turn.
    """
    by_network, by_mail = allowed_in_turn(
        ("sign-ip", client_ip(request), settings.RATE_LIMIT_SIGN_PER_IP),
        ("sign-email", normalise_email(email), settings.RATE_LIMIT_SIGN_PER_EMAIL),
    )
    return by_network, by_network and by_mail


def confirmation_resend(signature_id):
    return allowed(scope="resend", key=str(signature_id), limit=RESENDS_PER_SIGNATURE)


def data_request(request, email):
    """The 'your data' email: per network, then per address (counted only when the first allows)."""
    return allowed(scope="data-ip", key=client_ip(request), limit=DATA_REQUESTS_PER_NETWORK) and allowed(
        scope="data-email", key=normalise_email(email), limit=DATA_REQUESTS_PER_EMAIL
    )


# --- letters -----------------------------------------------------------------------------------------


def letter_report_from_network(request):
    return allowed(scope="letters-report", key=client_ip(request), limit=LETTER_REPORTS_PER_NETWORK)


def kept_letter_from_network(request):
    return allowed(scope="letters-keep", key=client_ip(request), limit=KEPT_LETTERS_PER_NETWORK)


def reminders_from_network(request):
    return allowed(scope="reminders-ip", key=client_ip(request), limit=REMINDERS_PER_NETWORK)


def reminders_mail_to(email):
    return allowed(scope="reminders-email", key=normalise_email(email), limit=REMINDERS_PER_EMAIL)


# --- organisers --------------------------------------------------------------------------------------


def admin_login(request, username):
    """Per account, and three times that per network (an office shares one address)."""
    limit, period = settings.RATE_LIMIT_ADMIN_LOGIN
    by_ip = allowed(scope="login-ip", key=client_ip(request), limit=limit * 3, period=period)
    by_user = allowed(scope="login-user", key=username, limit=limit, period=period)
    return by_ip and by_user
