"""The signature builder; exports go to a temporary folder. Personas are in tests/conftest.py."""

import itertools

import pytest

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


@pytest.fixture(autouse=True)
def _exports_in_tmp(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"
