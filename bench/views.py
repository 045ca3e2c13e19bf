"""Floors: the least a request can cost on this stack (same gunicorn, middleware and database).

Signing is compared with `floor_insert` (one row, no validation, no email); reading a page is
compared with `floor_page` (precomputed bytes of the same size, no template, no query).
"""

from functools import lru_cache

from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_POST

FLOOR_TABLE = "bench_floor"
MAX_PAGE_SIZE = 10 * 1024 * 1024


@require_POST
def floor_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FLOOR_TABLE} (email) VALUES (%s)", [request.POST.get("email", "")])
    return HttpResponseRedirect("/bench/done/")


@lru_cache(maxsize=32)
def _page_bytes(size):
    head = b"<!doctype html><html><head><title>floor</title></head><body><p>"
    return (head + b"x" * size)[:size]


def floor_page(request, size):
    return HttpResponse(_page_bytes(min(size, MAX_PAGE_SIZE)), content_type="text/html; charset=utf-8")
