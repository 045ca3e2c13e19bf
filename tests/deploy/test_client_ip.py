"""The address every rate limit counts: REMOTE_ADDR, or what the outermost trusted proxy wrote."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory

from campaign.limits import allowed, client_ip


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),  # Caddy replaced whatever the client sent
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # a proxy that appends: the spoof is on the left
        (1, "6.6.6.6,203.0.113.7 ", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.5", "203.0.113.7"),  # a CDN in front of the proxy
        (2, "203.0.113.7", "203.0.113.7"),  # shorter than the hops: only our proxies wrote it
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_address_the_outermost_trusted_proxy_wrote(settings, hops, forwarded, expected):
    settings.TRUSTED_PROXY_HOPS = hops
    assert client_ip(request_from("10.0.0.2", forwarded)) == expected


@pytest.mark.parametrize("forwarded", ["", " , ", "not-an-address", "6.6.6.6, <script>"])
def test_a_missing_or_malformed_header_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXY_HOPS = 1
    assert client_ip(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


def test_a_spoofed_leftmost_address_does_not_change_what_the_limit_counts(settings):
    """A visitor who writes a fresh X-Forwarded-For every time still runs into the limit."""
    settings.TRUSTED_PROXY_HOPS = 1
    counted = set()
    passed = 0
    for n in range(5):
        address = client_ip(request_from("10.0.0.2", f"198.51.100.{n}, 203.0.113.7"))
        counted.add(address)
        passed += allowed(scope="test-spoof", key=address, limit=3, period=60)
    assert counted == {"203.0.113.7"}
    assert passed == 3


def test_the_old_setting_stops_start_up_with_a_clear_message():
    env = {**os.environ, "TRUST_X_FORWARDED_FOR": "true"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "set TRUSTED_PROXY_HOPS" in result.stderr
