"""Whole pages for anonymous visitors, and the origin check that lets their forms go without a token.

When a petition spreads, nearly every request is an anonymous GET of the same few pages. Those pages
are the same for every anonymous visitor, so a view decorated with `cached_page` renders each (path,
language) once and serves the bytes from then on:

- in Redis (shared by every process) for PAGE_CACHE_SECONDS, stamped with a version that
  `pages_changed()` bumps when organisers change content, a status changes or a milestone is reached;
- in a small dict in each process for PAGE_CACHE_LOCAL_SECONDS, which is also the fallback while
  Redis is down (pages stay up, a little staler).

Nothing personal is ever kept: a request with a session or a messages cookie (an organiser, a visitor
who was just told something), with a query string, or any method but GET/HEAD is rendered afresh, and
only a plain 200 that sets no cookie is kept. Counts on a kept page lag by at most a few seconds; the
count endpoint (petitions.views.petition_count) stays live.

A kept page is byte-identical for everyone, so its forms cannot carry a per-visitor CSRF token. Their
views are `same_origin_post`: exempt from the token, and refused instead when the browser says the
POST comes from another site (Sec-Fetch-Site, else Origin, else Referer), which every browser that
carries ambient state sends; a forged cross-site POST is refused whether or not JavaScript runs.
"""

import functools
import logging
import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt

log = logging.getLogger(__name__)

VERSION_KEY = "pages:version"
LOCAL_MAX_PAGES = 500  # per process; more than the site has pages in three languages
# Cookies that mean the visitor may see something of their own: a session (organisers, the
# composer), or a message left for the next page ('your letter is counted').
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")

_local = {}  # key -> (expires at, monotonic; page)


def cached_page(view):
    """Serve the view's page from the cache to anonymous visitors; see the module's docstring."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = f"page:{get_language()}:{request.path}"
        page = _local_get(key)
        if page is not None:
            return _response(page)
        version, page = _shared_get(key)
        if page is not None:
            _local_set(key, page)
            return _response(page)
        response = view(request, *args, **kwargs)
        if _cacheable_response(response):
            page = (version, response.content, response["Content-Type"])
            _local_set(key, page)
            _shared_set(key, page)
        return response

    return wrapper


def pages_changed():
    """Every kept page is out of date: called by the admin and services that change what pages show.

    Takes effect when the current transaction commits, so a page rendered meanwhile cannot be kept
    under the new version with the old content. Other processes drop their own copies within
    PAGE_CACHE_LOCAL_SECONDS.
    """
    transaction.on_commit(_bump_version)


def forget_local_copies():
    """Drop this process's copies (tests start from nothing; Redis is cleared with the cache)."""
    _local.clear()


def _bump_version():
    _local.clear()
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # Redis down: its pages expire on their own within PAGE_CACHE_SECONDS
        log.warning("page cache: could not bump the version; kept pages expire on their own")


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")  # never_cache, private: the view said no
    )


def _response(page):
    _version, content, content_type = page
    return HttpResponse(content, content_type=content_type)


def _local_get(key):
    entry = _local.get(key)
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def _local_set(key, page):
    if len(_local) >= LOCAL_MAX_PAGES:
        _local.clear()
    _local[key] = (time.monotonic() + settings.PAGE_CACHE_LOCAL_SECONDS, page)


def _shared_get(key):
    """(current version, the page if Redis has it at that version): one round trip."""
    try:
        found = cache.get_many([VERSION_KEY, key])
    except Exception:  # Redis down: render, and keep the page in this process only
        return None, None
    version = found.get(VERSION_KEY)
    page = found.get(key)
    if page is not None and page[0] == version:
        return version, page
    return version, None


def _shared_set(key, page):
    try:
        cache.set(key, page, timeout=settings.PAGE_CACHE_SECONDS)
    except Exception:
        pass  # Redis down: the process keeps its copy


# --- forms on kept pages ------------------------------------------------------------------------------


def same_origin_post(view):
    """Exempt a public form's view from the CSRF token; refuse a POST that a browser says is cross-site."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not same_origin(request):
            return csrf_failure(request, reason="cross-site form post")
        return view(request, *args, **kwargs)

    return wrapper


def same_origin(request):
    """False when the browser tells us the request comes from another site.

    Sec-Fetch-Site is sent by every current browser; Origin by every browser on a POST; Referer as a
    last resort. A client that sends none of them is not a browser with a visitor's state to abuse.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site:
        return fetch_site in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None and request.META.get("HTTP_REFERER"):
        parts = urlsplit(request.META["HTTP_REFERER"])
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin is None:
        return True
    return origin in _trusted_origins(request)


def _trusted_origins(request):
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


# --- organisers' changes ------------------------------------------------------------------------------


class RefreshesPages:
    """A ModelAdmin mixin for what the public pages show: every save or delete marks kept pages out of date."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        pages_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pages_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        pages_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        pages_changed()
