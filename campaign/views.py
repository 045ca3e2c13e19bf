from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from campaign.celery import app as celery_app
from petitions.models import Petition


def home(request):
    petition = Petition.objects.filter(is_open=True).first()
    return render(request, "campaign/home.html", {"petition": petition})


def privacy(request):
    context = {
        "max_age_days": settings.CONFIRMATION_MAX_AGE // 86400,
        "retention_days": settings.UNCONFIRMED_RETENTION_DAYS,
    }
    return render(request, "campaign/privacy.html", context)


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def _cache_ok():
    cache.set("healthz", "ok", timeout=10)
    return cache.get("healthz") == "ok"


def _broker_ok():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # the embedded default has no broker: tasks run in-process
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return True


CHECKS = {"database": _database_ok, "cache": _cache_ok, "broker": _broker_ok}


@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "error"
        except Exception:  # any failure of a dependency is reported, never raised
            results[name] = "error"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503)
