import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.conftest import verified_login
from tests.petitions.conftest import make_signature

pytestmark = pytest.mark.django_db


def test_the_country_filter_lists_only_countries_that_occur(client, organiser, petition):
    make_signature(petition, country="LT")
    make_signature(petition, country="PL")
    organiser.user_permissions.add(Permission.objects.get(codename="view_signature"))
    verified_login(client, organiser)
    html = client.get(reverse("admin:petitions_signature_changelist")).content.decode()
    filters = html.split('id="changelist-filter"', 1)[1]
    assert "?country=LT" in filters and "?country=PL" in filters
    assert "?country=DE" not in filters and "Germany" not in filters
