"""Organisers' accounts: throttled login, TOTP for exporters, strong passwords, strangers refused."""

import base64

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import verified_login

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

LOGIN = "/en/admin/login/"
PASSWORD = "a long organiser passphrase"


@pytest.fixture
def alice():
    """An organiser who may export: a superuser, so every permission."""
    return User.objects.create_superuser("alice", "alice@example.org", PASSWORD)


@pytest.fixture
def bob():
    """An editor: staff, without the export permission."""
    return User.objects.create_user("bob", "bob@example.org", PASSWORD, is_staff=True)


def admin_urls():
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        urls.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    return urls


def log_in(client, username, token=""):
    return client.post(LOGIN, {"username": username, "password": PASSWORD, "otp_token": token})


def test_a_stranger_is_sent_to_the_login_page_from_every_admin_url(client):
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(LOGIN), url


def test_staff_without_permissions_see_no_model(client, bob):
    assert log_in(client, "bob").status_code == 302
    for url in admin_urls()[1:]:
        assert client.get(url).status_code == 403, url


def test_an_exporter_needs_the_authenticator_code(client, alice):
    device = TOTPDevice.objects.create(user=alice, name="phone", confirmed=True)
    response = log_in(client, "alice")
    assert response.status_code == 200  # refused
    assert client.get(reverse("admin:index")).status_code == 302

    assert log_in(client, "alice", token="000000").status_code == 200
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows guessing down after a wrong code
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    assert log_in(client, "alice", token=code).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_login_attempts_are_throttled(client, bob, settings):
    settings.RATE_LIMIT_ADMIN_LOGIN = (3, 900)
    for _ in range(3):
        assert client.post(LOGIN, {"username": "bob", "password": "wrong"}).status_code == 200
    response = log_in(client, "bob")  # even the right password waits now
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()


@pytest.mark.parametrize("password", ["short1", "password1234", "12345678901234", "bob-example-org"])
def test_weak_passwords_are_refused(bob, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=bob)


def test_the_otp_setup_command_prints_a_code(alice, capsys):
    from django.core.management import call_command

    call_command("otp_setup", "alice")
    out = capsys.readouterr().out
    assert "otpauth://" not in out  # shown as a QR code and a key, not a link
    device = TOTPDevice.objects.get(user=alice, confirmed=True)
    lines = out.splitlines()
    qr_lines = [line for line in lines if "█" in line or "▀" in line or "▄" in line]
    # A square drawn two rows per line: as many lines as about half its width, not a character per line.
    assert 15 < len(qr_lines) < 40 and all(len(line) == len(qr_lines[0]) for line in qr_lines)
    assert len(qr_lines[0]) > 2 * len(qr_lines) - 4
    key = next(line for line in lines if "key" in line).split("key in the app: ")[1].split()[0]
    assert base64.b32decode(key + "=" * (-len(key) % 8)) == device.bin_key  # base32, as apps take it


def test_an_exporter_without_the_second_factor_cannot_export(client, alice, petition):
    client.force_login(alice)  # password only
    assert client.get(reverse("admin:petitions_petition_export", args=[petition.pk])).status_code == 403
    assert client.post(reverse("admin:petitions_petition_handover", args=[petition.pk])).status_code == 403
    verified_login(client, alice)
    assert client.get(reverse("admin:petitions_petition_export", args=[petition.pk])).status_code == 200


def _code(device):
    device.refresh_from_db()
    device.throttle_reset()
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_guesses_from_other_addresses_never_lock_an_organiser_out(client, alice, settings):
    settings.RATE_LIMIT_ADMIN_LOGIN = (5, 900)
    device = TOTPDevice.objects.create(user=alice, name="phone", confirmed=True)
    for n in range(5):
        wrong = {"username": "alice", "password": "wrong", "otp_token": "000000"}
        client.post(LOGIN, wrong, REMOTE_ADDR=f"203.0.113.{n}")
    response = client.post(
        LOGIN, {"username": "alice", "password": PASSWORD, "otp_token": _code(device)}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_right_password_and_code_get_in_even_when_throttled(client, alice, settings):
    settings.RATE_LIMIT_ADMIN_LOGIN = (3, 900)
    device = TOTPDevice.objects.create(user=alice, name="phone", confirmed=True)
    for _ in range(6):
        client.post(LOGIN, {"username": "alice", "password": "wrong", "otp_token": "000000"})
    wrong_code = client.post(LOGIN, {"username": "alice", "password": PASSWORD, "otp_token": "999999"})
    assert wrong_code.status_code == 429  # the same answer as a wrong password: nothing to learn
    response = client.post(
        LOGIN + "?next=/en/admin/petitions/", {"username": "alice", "password": PASSWORD, "otp_token": _code(device)}
    )
    assert response.status_code == 302 and response["Location"] == "/en/admin/petitions/"
    assert client.get(reverse("admin:index")).status_code == 200
