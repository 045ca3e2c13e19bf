"""The abuse limits in Redis: both signing limits in one round trip, counted in turn."""

import pytest
import redis
from django.test import RequestFactory

from campaign import limits


@pytest.fixture
def commands(services, monkeypatch):
    """Every Redis command sent from this process."""
    sent = []
    execute = redis.Redis.execute_command

    def counting(self, *args, **options):
        sent.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    return sent


def visitor(ip="203.0.113.7"):
    return RequestFactory().post("/", REMOTE_ADDR=ip)


def test_both_signing_limits_take_one_round_trip(commands):
    assert limits.sign_attempt(visitor(), "a@example.org") == (True, True)
    assert commands == ["EVAL"]


def test_the_address_is_counted_only_when_the_network_is_allowed(commands, settings):
    settings.RATE_LIMIT_SIGN_PER_IP = (2, 3600)
    settings.RATE_LIMIT_SIGN_PER_EMAIL = (1, 3600)
    assert limits.sign_attempt(visitor(), "A.B+x@Gmail.com") == (True, True)
    assert limits.sign_attempt(visitor(), "ab@gmail.com") == (True, False)  # the same address, normalised
    assert limits.sign_attempt(visitor(), "c@example.org") == (False, False)  # the network's third
    # Refused by the network, c@ was not counted: from another network it is still allowed.
    assert limits.sign_attempt(visitor("198.51.100.1"), "c@example.org") == (True, True)
    assert limits.sign_from_network(visitor("198.51.100.1")) is True
    assert limits.sign_mail_to("c@example.org") is False


@pytest.mark.django_db
def test_with_redis_down_network_limits_let_through_and_mail_limits_count_in_the_database(settings):
    from tests.conftest import free_port

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        },
    }
    assert limits.sign_attempt(visitor(), "a@example.org") == (True, True)
    assert limits.data_request(visitor(), "a@example.org") is True
    # The address is counted in PostgreSQL meanwhile: no mail bombing while Redis is away.
    for _ in range(settings.RATE_LIMIT_SIGN_PER_EMAIL[0] - 1):
        assert limits.sign_attempt(visitor(), "a@example.org") == (True, True)
    assert limits.sign_attempt(visitor(), "a@example.org") == (True, False)
