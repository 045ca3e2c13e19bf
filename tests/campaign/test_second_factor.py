"""Organisers set up their second factor themselves after the password; a lost one is reset by another."""

import base64
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import verified_login

pytestmark = pytest.mark.django_db

LOGIN = "/en/admin/login/"
ENROL = "/en/admin/second-factor/"
PASSWORD = "a long organiser passphrase"


@pytest.fixture
def alice():
    return User.objects.create_superuser("alice", "alice@example.org", PASSWORD)


def code_for(key, *, ahead=0):
    bin_key = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(bin_key, drift=ahead):06d}"


def shown_key(response):
    return re.search(r'<code class="otp-key">([A-Z2-7]+)</code>', response.content.decode()).group(1)


def test_an_organiser_without_an_authenticator_is_taken_to_set_one_up(client, alice):
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD, "otp_token": "", "next": "/en/admin/"})
    assert response.status_code == 302 and response["Location"].startswith(ENROL)
    assert client.get("/en/admin/").status_code == 302  # nothing else until it is set up
    assert client.get(LOGIN)["Location"].startswith(ENROL)

    page = client.get(ENROL)
    html = page.content.decode()
    qr = html.split('<div class="otp-qr">', 1)[1].split("</svg>")[0]
    assert page.status_code == 200 and qr.lstrip().startswith("<svg") and "qr-path" in qr
    assert "href" not in qr and "src=" not in qr  # drawn inline, nothing fetched
    key = shown_key(page)
    assert client.get(ENROL).content.decode().count(key) == 1  # a reload shows the same key: the scan stays valid
    assert not TOTPDevice.objects.filter(user=alice, confirmed=True).exists()

    wrong = client.post(ENROL, {"otp_token": "000000"})
    assert wrong.status_code == 200 and "not right" in wrong.content.decode()
    TOTPDevice.objects.filter(user=alice).update(throttling_failure_count=0, throttling_failure_timestamp=None)

    confirmed = client.post(ENROL, {"otp_token": code_for(key)})
    assert confirmed.status_code == 302
    assert client.get("/en/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=alice).confirmed
    assert LogEntry.objects.filter(object_id=str(alice.pk), change_message__contains="Set up").exists()

    # From now on the password alone is not enough.
    client.logout()
    assert client.post(LOGIN, {"username": "alice", "password": PASSWORD, "otp_token": ""}).status_code == 200
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD, "otp_token": code_for(key, ahead=1)})
    assert response.status_code == 302 and client.get("/en/admin/").status_code == 200


def test_an_organiser_can_log_out_instead_of_setting_one_up(client, alice):
    client.post(LOGIN, {"username": "alice", "password": PASSWORD, "otp_token": ""})
    assert client.post(ENROL, {"log_out": "1"})["Location"] == LOGIN
    assert client.get(ENROL)["Location"].startswith(LOGIN)


def test_the_enrolment_page_is_only_for_organisers_without_one(client, alice):
    assert client.get(ENROL)["Location"].startswith(LOGIN)
    verified_login(client, alice)
    assert client.get(ENROL)["Location"] == reverse("admin:index")


def test_another_organiser_resets_a_lost_authenticator_and_it_is_logged(client, alice):
    bob = User.objects.create_user("bob", "bob@example.org", PASSWORD, is_staff=True)
    bob.user_permissions.add(Permission.objects.get(codename="export_signatures"))
    TOTPDevice.objects.create(user=bob, name="authenticator", confirmed=True)
    verified_login(client, alice)
    changelist = reverse("admin:auth_user_changelist")
    response = client.post(changelist, {"action": "reset_second_factor", "_selected_action": [bob.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=bob).exists()
    entry = LogEntry.objects.get(object_id=str(bob.pk))
    assert entry.user == alice and "Reset the second factor" in entry.change_message

    client.logout()
    response = client.post(LOGIN, {"username": "bob", "password": PASSWORD, "otp_token": ""})
    assert response["Location"].startswith(ENROL)


def test_without_the_permission_there_is_no_reset(client, alice):
    carol = User.objects.create_user("carol", "carol@example.org", PASSWORD, is_staff=True)
    carol.user_permissions.add(Permission.objects.get(codename="view_user"))
    client.force_login(carol)
    TOTPDevice.objects.create(user=alice, name="authenticator", confirmed=True)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 200 and "reset_second_factor" not in response.content.decode()
    changelist = reverse("admin:auth_user_changelist")
    client.post(changelist, {"action": "reset_second_factor", "_selected_action": [alice.pk]})
    assert TOTPDevice.objects.filter(user=alice).exists()


def test_createsuperuser_without_input_refuses_a_short_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "short")
    with pytest.raises(CommandError, match="too short"):
        call_command("createsuperuser", "--noinput", username="dora", email="dora@example.org")
    assert not User.objects.filter(username="dora").exists()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", "--noinput", username="dora", email="dora@example.org")
    assert User.objects.get(username="dora").check_password(PASSWORD)
