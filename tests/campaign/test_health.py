import pytest
from django.urls import reverse

from campaign import views
from campaign.celery import app as celery_app
from tests.conftest import free_port

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_dependency(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_a_dependency_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(views.CHECKS, "cache", broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["cache"] == "error" and response.json()["database"] == "ok"


def test_healthz_with_real_redis_down(services, client, settings, monkeypatch):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": dead},
    }
    monkeypatch.setattr(celery_app.conf, "broker_url", dead)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error", "broker": "error"}


def test_healthz_with_real_services_up(services, client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    assert client.get(reverse("healthz")).json()["broker"] == "ok"
