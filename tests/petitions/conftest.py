"""Personas for the organisers' pages (healthchecks' alice/bob/charlie) and a signature builder."""

import itertools

import pytest
from django.contrib.auth.models import Permission, User

from petitions.models import Signature

_numbers = itertools.count()


def make_signature(petition, **fields):
    """A signature with sensible defaults, confirmed unless told otherwise."""
    n = next(_numbers)
    values = {
        "first_name": f"Signer{n}",
        "last_name": "Kavalenka",
        "email": f"signer{n}@example.org",
        "country": "LT",
        "status": Signature.Status.CONFIRMED,
        **fields,
    }
    values.setdefault("email_key", values["email"].lower())
    return Signature.objects.create(petition=petition, **values)


def _staff(username, *, can_export):
    user = User.objects.create_user(username, f"{username}@example.org", "password", is_staff=True)
    if can_export:
        user.user_permissions.add(Permission.objects.get(codename="export_signatures"))
    return user


@pytest.fixture
def organiser(db):
    return _staff("alice", can_export=True)


@pytest.fixture
def second_organiser(db):
    return _staff("bob", can_export=True)


@pytest.fixture
def staff_without_permission(db):
    return _staff("charlie", can_export=False)


@pytest.fixture
def stranger(db):
    return User.objects.create_user("mallory", "mallory@example.org", "password")


@pytest.fixture(autouse=True)
def _exports_in_tmp(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"
